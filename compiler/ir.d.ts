import { z } from 'zod';
/** Bumped whenever the IR changes shape; the runtime refuses other versions. */
export declare const IR_VERSION = 1;
/** Offsets into the file of the enclosing declaration (rule, settings, map, schema). */
export declare const ExprSpan: z.ZodObject<{
    start: z.ZodNumber;
    end: z.ZodNumber;
}, z.core.$strip>;
/** A declaration's place: its file (relative to the project root) and offsets. */
export declare const DeclSpan: z.ZodObject<{
    file: z.ZodString;
    start: z.ZodNumber;
    end: z.ZodNumber;
}, z.core.$strip>;
export type ExprSpan = z.infer<typeof ExprSpan>;
export type DeclSpan = z.infer<typeof DeclSpan>;
export type FieldType = {
    type: 'text' | 'number' | 'bool' | 'time' | 'duration' | 'geo';
} | {
    type: 'choice';
    options: string[];
} | {
    type: 'list';
    element: FieldType;
};
export declare const FieldType: z.ZodType<FieldType>;
/** Functions an expression may call (conditions and map blocks). */
export declare const FUNCTIONS: readonly ["number" | "length" | "concat" | "lower" | "upper" | "distance" | "hours_since" | "days_since" | "trim" | "title" | "digits" | "left" | "right", ...("number" | "length" | "concat" | "lower" | "upper" | "distance" | "hours_since" | "days_since" | "trim" | "title" | "digits" | "left" | "right")[]];
export type FunctionName = (typeof FUNCTIONS)[number];
export type Literal = string | number | boolean | Literal[];
type WithSpan = {
    span?: ExprSpan;
};
/** An expression; booleans, arithmetic and values share one tree. */
export type Expr = WithSpan & ({
    op: 'lit';
    value: Literal;
} | {
    op: 'duration';
    ms: number;
}
/** A field of the record (`lead`, `opportunity`…), of the candidate `user`, or of the raw `payload`. */
 | {
    op: 'field';
    entity: string;
    path: string[];
} | {
    op: 'list';
    items: Expr[];
} | {
    op: 'call';
    fn: FunctionName;
    args: Expr[];
} | {
    op: 'neg';
    arg: Expr;
} | {
    op: 'arith';
    operator: '+' | '-' | '*' | '/';
    left: Expr;
    right: Expr;
} | {
    op: 'coalesce';
    args: Expr[];
} | {
    op: 'cmp';
    operator: '==' | '!=' | '<' | '<=' | '>' | '>=';
    left: Expr;
    right: Expr;
}
/** `value in collection` (collection: a list, or a list field); negated for `not in`. */
 | {
    op: 'in';
    value: Expr;
    collection: Expr;
    negated: boolean;
} | {
    op: 'contains';
    collection: Expr;
    value: Expr;
} | {
    op: 'starts_with' | 'ends_with';
    text: Expr;
    affix: Expr;
} | {
    op: 'between';
    value: Expr;
    low: Expr;
    high: Expr;
} | {
    op: 'is_set';
    value: Expr;
    negated: boolean;
} | {
    op: 'and' | 'or';
    args: Expr[];
} | {
    op: 'not';
    arg: Expr;
});
export declare const Expr: z.ZodType<Expr>;
export declare const REQUIREMENTS: readonly ["available" | "capacity" | "checked_in" | "workday" | "holidays" | "leave", ...("available" | "capacity" | "checked_in" | "workday" | "holidays" | "leave")[]];
export declare const EVENT_KINDS: readonly ["created" | "updated" | "activity_created" | "opportunity_created" | "task_created", ...("created" | "updated" | "activity_created" | "opportunity_created" | "task_created")[]];
export declare const QUOTA_PERIODS: readonly ["hourly" | "daily" | "weekly" | "monthly" | "total", ...("hourly" | "daily" | "weekly" | "monthly" | "total")[]];
export declare const RULE_STATUSES: readonly ["active" | "draft" | "inactive", ...("active" | "draft" | "inactive")[]];
export declare const TRIGGER_MODES: readonly ["entity" | "automation", ...("entity" | "automation")[]];
export declare const RetryWindow: z.ZodObject<{
    everyMs: z.ZodNumber;
    forMs: z.ZodNumber;
}, z.core.$strip>;
export declare const EventSpec: z.ZodObject<{
    entity: z.ZodString;
    kind: z.ZodEnum<{
        created: "created";
        updated: "updated";
        activity_created: "activity_created";
        opportunity_created: "opportunity_created";
        task_created: "task_created";
    }>;
    fields: z.ZodNullable<z.ZodArray<z.ZodString>>;
    span: z.ZodOptional<z.ZodObject<{
        start: z.ZodNumber;
        end: z.ZodNumber;
    }, z.core.$strip>>;
}, z.core.$strip>;
export declare const Pool: z.ZodDiscriminatedUnion<[z.ZodObject<{
    kind: z.ZodLiteral<"users">;
    users: z.ZodArray<z.ZodString>;
    where: z.ZodNullable<z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>>;
}, z.core.$strip>, z.ZodObject<{
    kind: z.ZodLiteral<"dynamic">;
    where: z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>;
}, z.core.$strip>, z.ZodObject<{
    kind: z.ZodLiteral<"teams">;
    teams: z.ZodArray<z.ZodString>;
}, z.core.$strip>, z.ZodObject<{
    kind: z.ZodLiteral<"groups">;
    groups: z.ZodArray<z.ZodString>;
}, z.core.$strip>, z.ZodObject<{
    kind: z.ZodLiteral<"anyone">;
}, z.core.$strip>], "kind">;
export declare const Weight: z.ZodObject<{
    key: z.ZodString;
    weight: z.ZodNumber;
}, z.core.$strip>;
export declare const Method: z.ZodDiscriminatedUnion<[z.ZodObject<{
    kind: z.ZodLiteral<"round_robin">;
}, z.core.$strip>, z.ZodObject<{
    kind: z.ZodLiteral<"least_recent">;
}, z.core.$strip>, z.ZodObject<{
    kind: z.ZodLiteral<"load_balance">;
}, z.core.$strip>, z.ZodObject<{
    kind: z.ZodLiteral<"random">;
}, z.core.$strip>, z.ZodObject<{
    kind: z.ZodLiteral<"weighted">;
    weights: z.ZodArray<z.ZodObject<{
        key: z.ZodString;
        weight: z.ZodNumber;
    }, z.core.$strip>>;
}, z.core.$strip>, z.ZodObject<{
    kind: z.ZodLiteral<"weighted_by">;
    field: z.ZodString;
    weights: z.ZodArray<z.ZodObject<{
        key: z.ZodString;
        weight: z.ZodNumber;
    }, z.core.$strip>>;
}, z.core.$strip>, z.ZodObject<{
    kind: z.ZodLiteral<"score">;
    expr: z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>;
}, z.core.$strip>, z.ZodObject<{
    kind: z.ZodLiteral<"ordered">;
    keys: z.ZodArray<z.ZodObject<{
        expr: z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>;
        direction: z.ZodEnum<{
            asc: "asc";
            desc: "desc";
        }>;
    }, z.core.$strip>>;
}, z.core.$strip>], "kind">;
export declare const Fallback: z.ZodDiscriminatedUnion<[z.ZodObject<{
    kind: z.ZodLiteral<"user">;
    user: z.ZodString;
}, z.core.$strip>, z.ZodObject<{
    kind: z.ZodLiteral<"queue">;
    queue: z.ZodString;
    retry: z.ZodNullable<z.ZodObject<{
        everyMs: z.ZodNumber;
        forMs: z.ZodNumber;
    }, z.core.$strip>>;
}, z.core.$strip>], "kind">;
export declare const Rule: z.ZodObject<{
    id: z.ZodString;
    name: z.ZodString;
    priority: z.ZodNumber;
    description: z.ZodNullable<z.ZodString>;
    status: z.ZodEnum<{
        active: "active";
        draft: "draft";
        inactive: "inactive";
    }>;
    scope: z.ZodDiscriminatedUnion<[z.ZodObject<{
        kind: z.ZodLiteral<"global">;
    }, z.core.$strip>, z.ZodObject<{
        kind: z.ZodLiteral<"team">;
        team: z.ZodString;
    }, z.core.$strip>], "kind">;
    entity: z.ZodString;
    events: z.ZodArray<z.ZodObject<{
        entity: z.ZodString;
        kind: z.ZodEnum<{
            created: "created";
            updated: "updated";
            activity_created: "activity_created";
            opportunity_created: "opportunity_created";
            task_created: "task_created";
        }>;
        fields: z.ZodNullable<z.ZodArray<z.ZodString>>;
        span: z.ZodOptional<z.ZodObject<{
            start: z.ZodNumber;
            end: z.ZodNumber;
        }, z.core.$strip>>;
    }, z.core.$strip>>;
    when: z.ZodNullable<z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>>;
    pool: z.ZodDiscriminatedUnion<[z.ZodObject<{
        kind: z.ZodLiteral<"users">;
        users: z.ZodArray<z.ZodString>;
        where: z.ZodNullable<z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>>;
    }, z.core.$strip>, z.ZodObject<{
        kind: z.ZodLiteral<"dynamic">;
        where: z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>;
    }, z.core.$strip>, z.ZodObject<{
        kind: z.ZodLiteral<"teams">;
        teams: z.ZodArray<z.ZodString>;
    }, z.core.$strip>, z.ZodObject<{
        kind: z.ZodLiteral<"groups">;
        groups: z.ZodArray<z.ZodString>;
    }, z.core.$strip>, z.ZodObject<{
        kind: z.ZodLiteral<"anyone">;
    }, z.core.$strip>], "kind">;
    require: z.ZodArray<z.ZodObject<{
        flag: z.ZodEnum<{
            available: "available";
            capacity: "capacity";
            checked_in: "checked_in";
            workday: "workday";
            holidays: "holidays";
            leave: "leave";
        }>;
        withinMs: z.ZodNullable<z.ZodNumber>;
    }, z.core.$strip>>;
    method: z.ZodDiscriminatedUnion<[z.ZodObject<{
        kind: z.ZodLiteral<"round_robin">;
    }, z.core.$strip>, z.ZodObject<{
        kind: z.ZodLiteral<"least_recent">;
    }, z.core.$strip>, z.ZodObject<{
        kind: z.ZodLiteral<"load_balance">;
    }, z.core.$strip>, z.ZodObject<{
        kind: z.ZodLiteral<"random">;
    }, z.core.$strip>, z.ZodObject<{
        kind: z.ZodLiteral<"weighted">;
        weights: z.ZodArray<z.ZodObject<{
            key: z.ZodString;
            weight: z.ZodNumber;
        }, z.core.$strip>>;
    }, z.core.$strip>, z.ZodObject<{
        kind: z.ZodLiteral<"weighted_by">;
        field: z.ZodString;
        weights: z.ZodArray<z.ZodObject<{
            key: z.ZodString;
            weight: z.ZodNumber;
        }, z.core.$strip>>;
    }, z.core.$strip>, z.ZodObject<{
        kind: z.ZodLiteral<"score">;
        expr: z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>;
    }, z.core.$strip>, z.ZodObject<{
        kind: z.ZodLiteral<"ordered">;
        keys: z.ZodArray<z.ZodObject<{
            expr: z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>;
            direction: z.ZodEnum<{
                asc: "asc";
                desc: "desc";
            }>;
        }, z.core.$strip>>;
    }, z.core.$strip>], "kind">;
    take: z.ZodObject<{
        count: z.ZodNumber;
        min: z.ZodNumber;
    }, z.core.$strip>;
    fallback: z.ZodNullable<z.ZodDiscriminatedUnion<[z.ZodObject<{
        kind: z.ZodLiteral<"user">;
        user: z.ZodString;
    }, z.core.$strip>, z.ZodObject<{
        kind: z.ZodLiteral<"queue">;
        queue: z.ZodString;
        retry: z.ZodNullable<z.ZodObject<{
            everyMs: z.ZodNumber;
            forMs: z.ZodNumber;
        }, z.core.$strip>>;
    }, z.core.$strip>], "kind">>;
    reassign: z.ZodNullable<z.ZodObject<{
        afterMs: z.ZodNumber;
        when: z.ZodNullable<z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>>;
        max: z.ZodNumber;
    }, z.core.$strip>>;
    span: z.ZodOptional<z.ZodObject<{
        file: z.ZodString;
        start: z.ZodNumber;
        end: z.ZodNumber;
    }, z.core.$strip>>;
}, z.core.$strip>;
export declare const Settings: z.ZodObject<{
    timezone: z.ZodString;
    trigger: z.ZodEnum<{
        entity: "entity";
        automation: "automation";
    }>;
    capacity: z.ZodNullable<z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>>;
    quotas: z.ZodArray<z.ZodObject<{
        period: z.ZodEnum<{
            hourly: "hourly";
            daily: "daily";
            weekly: "weekly";
            monthly: "monthly";
            total: "total";
        }>;
        limit: z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>;
    }, z.core.$strip>>;
    unmatched: z.ZodObject<{
        queue: z.ZodString;
        retry: z.ZodNullable<z.ZodObject<{
            everyMs: z.ZodNumber;
            forMs: z.ZodNumber;
        }, z.core.$strip>>;
    }, z.core.$strip>;
    span: z.ZodOptional<z.ZodObject<{
        file: z.ZodString;
        start: z.ZodNumber;
        end: z.ZodNumber;
    }, z.core.$strip>>;
}, z.core.$strip>;
export declare const Schema: z.ZodObject<{
    entity: z.ZodString;
    fields: z.ZodRecord<z.ZodString, z.ZodType<FieldType, unknown, z.core.$ZodTypeInternals<FieldType, unknown>>>;
    span: z.ZodOptional<z.ZodObject<{
        file: z.ZodString;
        start: z.ZodNumber;
        end: z.ZodNumber;
    }, z.core.$strip>>;
}, z.core.$strip>;
export declare const InputMap: z.ZodObject<{
    entity: z.ZodString;
    source: z.ZodString;
    fields: z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        expr: z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>;
    }, z.core.$strip>>;
    invalidQueue: z.ZodNullable<z.ZodString>;
    span: z.ZodOptional<z.ZodObject<{
        file: z.ZodString;
        start: z.ZodNumber;
        end: z.ZodNumber;
    }, z.core.$strip>>;
}, z.core.$strip>;
export declare const Program: z.ZodObject<{
    irVersion: z.ZodLiteral<1>;
    settings: z.ZodObject<{
        timezone: z.ZodString;
        trigger: z.ZodEnum<{
            entity: "entity";
            automation: "automation";
        }>;
        capacity: z.ZodNullable<z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>>;
        quotas: z.ZodArray<z.ZodObject<{
            period: z.ZodEnum<{
                hourly: "hourly";
                daily: "daily";
                weekly: "weekly";
                monthly: "monthly";
                total: "total";
            }>;
            limit: z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>;
        }, z.core.$strip>>;
        unmatched: z.ZodObject<{
            queue: z.ZodString;
            retry: z.ZodNullable<z.ZodObject<{
                everyMs: z.ZodNumber;
                forMs: z.ZodNumber;
            }, z.core.$strip>>;
        }, z.core.$strip>;
        span: z.ZodOptional<z.ZodObject<{
            file: z.ZodString;
            start: z.ZodNumber;
            end: z.ZodNumber;
        }, z.core.$strip>>;
    }, z.core.$strip>;
    schemas: z.ZodRecord<z.ZodString, z.ZodObject<{
        entity: z.ZodString;
        fields: z.ZodRecord<z.ZodString, z.ZodType<FieldType, unknown, z.core.$ZodTypeInternals<FieldType, unknown>>>;
        span: z.ZodOptional<z.ZodObject<{
            file: z.ZodString;
            start: z.ZodNumber;
            end: z.ZodNumber;
        }, z.core.$strip>>;
    }, z.core.$strip>>;
    rules: z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        name: z.ZodString;
        priority: z.ZodNumber;
        description: z.ZodNullable<z.ZodString>;
        status: z.ZodEnum<{
            active: "active";
            draft: "draft";
            inactive: "inactive";
        }>;
        scope: z.ZodDiscriminatedUnion<[z.ZodObject<{
            kind: z.ZodLiteral<"global">;
        }, z.core.$strip>, z.ZodObject<{
            kind: z.ZodLiteral<"team">;
            team: z.ZodString;
        }, z.core.$strip>], "kind">;
        entity: z.ZodString;
        events: z.ZodArray<z.ZodObject<{
            entity: z.ZodString;
            kind: z.ZodEnum<{
                created: "created";
                updated: "updated";
                activity_created: "activity_created";
                opportunity_created: "opportunity_created";
                task_created: "task_created";
            }>;
            fields: z.ZodNullable<z.ZodArray<z.ZodString>>;
            span: z.ZodOptional<z.ZodObject<{
                start: z.ZodNumber;
                end: z.ZodNumber;
            }, z.core.$strip>>;
        }, z.core.$strip>>;
        when: z.ZodNullable<z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>>;
        pool: z.ZodDiscriminatedUnion<[z.ZodObject<{
            kind: z.ZodLiteral<"users">;
            users: z.ZodArray<z.ZodString>;
            where: z.ZodNullable<z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>>;
        }, z.core.$strip>, z.ZodObject<{
            kind: z.ZodLiteral<"dynamic">;
            where: z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>;
        }, z.core.$strip>, z.ZodObject<{
            kind: z.ZodLiteral<"teams">;
            teams: z.ZodArray<z.ZodString>;
        }, z.core.$strip>, z.ZodObject<{
            kind: z.ZodLiteral<"groups">;
            groups: z.ZodArray<z.ZodString>;
        }, z.core.$strip>, z.ZodObject<{
            kind: z.ZodLiteral<"anyone">;
        }, z.core.$strip>], "kind">;
        require: z.ZodArray<z.ZodObject<{
            flag: z.ZodEnum<{
                available: "available";
                capacity: "capacity";
                checked_in: "checked_in";
                workday: "workday";
                holidays: "holidays";
                leave: "leave";
            }>;
            withinMs: z.ZodNullable<z.ZodNumber>;
        }, z.core.$strip>>;
        method: z.ZodDiscriminatedUnion<[z.ZodObject<{
            kind: z.ZodLiteral<"round_robin">;
        }, z.core.$strip>, z.ZodObject<{
            kind: z.ZodLiteral<"least_recent">;
        }, z.core.$strip>, z.ZodObject<{
            kind: z.ZodLiteral<"load_balance">;
        }, z.core.$strip>, z.ZodObject<{
            kind: z.ZodLiteral<"random">;
        }, z.core.$strip>, z.ZodObject<{
            kind: z.ZodLiteral<"weighted">;
            weights: z.ZodArray<z.ZodObject<{
                key: z.ZodString;
                weight: z.ZodNumber;
            }, z.core.$strip>>;
        }, z.core.$strip>, z.ZodObject<{
            kind: z.ZodLiteral<"weighted_by">;
            field: z.ZodString;
            weights: z.ZodArray<z.ZodObject<{
                key: z.ZodString;
                weight: z.ZodNumber;
            }, z.core.$strip>>;
        }, z.core.$strip>, z.ZodObject<{
            kind: z.ZodLiteral<"score">;
            expr: z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>;
        }, z.core.$strip>, z.ZodObject<{
            kind: z.ZodLiteral<"ordered">;
            keys: z.ZodArray<z.ZodObject<{
                expr: z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>;
                direction: z.ZodEnum<{
                    asc: "asc";
                    desc: "desc";
                }>;
            }, z.core.$strip>>;
        }, z.core.$strip>], "kind">;
        take: z.ZodObject<{
            count: z.ZodNumber;
            min: z.ZodNumber;
        }, z.core.$strip>;
        fallback: z.ZodNullable<z.ZodDiscriminatedUnion<[z.ZodObject<{
            kind: z.ZodLiteral<"user">;
            user: z.ZodString;
        }, z.core.$strip>, z.ZodObject<{
            kind: z.ZodLiteral<"queue">;
            queue: z.ZodString;
            retry: z.ZodNullable<z.ZodObject<{
                everyMs: z.ZodNumber;
                forMs: z.ZodNumber;
            }, z.core.$strip>>;
        }, z.core.$strip>], "kind">>;
        reassign: z.ZodNullable<z.ZodObject<{
            afterMs: z.ZodNumber;
            when: z.ZodNullable<z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>>;
            max: z.ZodNumber;
        }, z.core.$strip>>;
        span: z.ZodOptional<z.ZodObject<{
            file: z.ZodString;
            start: z.ZodNumber;
            end: z.ZodNumber;
        }, z.core.$strip>>;
    }, z.core.$strip>>;
    maps: z.ZodArray<z.ZodObject<{
        entity: z.ZodString;
        source: z.ZodString;
        fields: z.ZodArray<z.ZodObject<{
            name: z.ZodString;
            expr: z.ZodType<Expr, unknown, z.core.$ZodTypeInternals<Expr, unknown>>;
        }, z.core.$strip>>;
        invalidQueue: z.ZodNullable<z.ZodString>;
        span: z.ZodOptional<z.ZodObject<{
            file: z.ZodString;
            start: z.ZodNumber;
            end: z.ZodNumber;
        }, z.core.$strip>>;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type RetryWindow = z.infer<typeof RetryWindow>;
export type EventSpec = z.infer<typeof EventSpec>;
export type Pool = z.infer<typeof Pool>;
export type Method = z.infer<typeof Method>;
export type Fallback = z.infer<typeof Fallback>;
export type Rule = z.infer<typeof Rule>;
export type Settings = z.infer<typeof Settings>;
export type Schema = z.infer<typeof Schema>;
export type InputMap = z.infer<typeof InputMap>;
export type Program = z.infer<typeof Program>;
export type Requirement = (typeof REQUIREMENTS)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
export type QuotaPeriod = (typeof QUOTA_PERIODS)[number];
/** A deep copy of any IR value without its `span` properties (for goldens and equality). */
export declare function stripSpans<T>(value: T): T;
export {};
