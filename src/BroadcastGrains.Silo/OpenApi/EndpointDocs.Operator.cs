using static BroadcastGrains.Broadcasts.ErrorCodes;

namespace BroadcastGrains.Silo.OpenApi;

/// <summary>The catalogue, operator, carrier, webhook and health endpoints of API.md.</summary>
internal static partial class EndpointDocs
{
    static readonly Dictionary<string, EndpointDoc> CatalogueDocs = new(StringComparer.Ordinal)
    {
        ["GET /v1/senders"] = new("List senders",
            "The client's sender ids with their approval `status`, then the operator's shared senders it may use (`shared: true`)."),
        ["POST /v1/senders"] = new("Register a sender", "Alphanumeric (≤ 11 characters) or E.164; starts `pending` until the operator approves it.",
            ValidationFailed),
        ["GET /v1/templates"] = new("List templates", "The client's message templates."),
        ["POST /v1/templates"] = new("Create a template", "`{name, body}` with `{{var}}` placeholders; starts `pending`.", ValidationFailed, BodyTooLong),
        ["GET /v1/templates/{}"] = new("Read a template", "By name.", TemplateNotFound),
        ["POST /v1/contact-lists"] = new("Create a contact list", "`{name}`.", ValidationFailed),
        ["GET /v1/contact-lists/{}"] = new("Read a contact list", "Its name and `contactCount`.", ListNotFound),
        ["POST /v1/contact-lists/{}/contacts"] = new("Add contacts",
            "JSON `[{phone, variables}]` or `text/csv` with a `phone` column and variable columns; de-duplicated.",
            ValidationFailed, InvalidJson, TooManyVariables, ListNotFound, PayloadTooLarge)
        {
            RequestBody = typeof(IReadOnlyList<Schemas.ContactItem>),
            RequestExample = """[{"phone": "+14155550100", "variables": {"first_name": "Ann"}}, {"phone": "+447400123456"}]""",
            CsvExample = "phone,first_name\n+14155550100,Ann\n+447400123456,Bo\n",
        },
        ["GET /v1/opt-outs"] = new("List opt-outs", "Numbers that will not be sent to, with their `source`.", ValidationFailed),
        ["POST /v1/opt-outs"] = new("Add an opt-out", "`{phone}`.", ValidationFailed),
        ["DELETE /v1/opt-outs/{}"] = new("Remove an opt-out", "`{phone}` is the E.164 number, `+` URL-encoded or not.", NotFound),
        ["POST /v1/admin/clients"] = new("Create a client", "Operator key. Defaults: no approval thresholds, 1000 requests per 60 s, no daily quota.",
            ValidationFailed),
        ["GET /v1/admin/clients/{}"] = new("Read a client", "Operator key.", NotFound),
        ["POST /v1/admin/agencies"] = new("Create an agency", "Operator key. Clients name it with `agencyId`.", ValidationFailed),
        ["POST /v1/admin/clients/{}/api-keys"] = new("Issue a client API key", "Operator key. The plain key is in this answer only.",
            ValidationFailed, NotFound),
        ["GET /v1/admin/clients/{}/api-keys"] = new("List a client's API keys", "Operator key. Prefixes only, never keys.", NotFound),
        ["POST /v1/admin/agencies/{}/api-keys"] = new("Issue an agency API key", "Operator key. The plain key is in this answer only.",
            ValidationFailed, NotFound),
        ["DELETE /v1/admin/api-keys/{}"] = new("Revoke an API key", "Operator key. Takes effect at once, cluster-wide.", NotFound),
        ["POST /v1/admin/clients/{}/credits"] = new("Add credits", "Operator key. Idempotent by `reference`.",
            ValidationFailed, IdempotencyKeyReused, NotFound),
        ["POST /v1/admin/senders/{}/approve"] = new("Approve a sender",
            "Operator key. A name is approved for one client at a time: another client holding it approved answers `SENDER_TAKEN`.",
            NotFound, InvalidState, SenderTaken),
        ["POST /v1/admin/clients/{}/senders"] = new("Register an approved sender for a client",
            "Operator key. `{name}`; `SENDER_TAKEN` when another client holds the name approved.", ValidationFailed, NotFound, SenderTaken),
        ["POST /v1/admin/shared-senders"] = new("Share a sender",
            "Operator key. `{name, clientIds?}`: every client (or the listed ones) may send from it; sharing it again replaces "
            + "`clientIds`. `SENDER_TAKEN` while a client holds the name approved.", ValidationFailed, SenderTaken),
        ["GET /v1/admin/shared-senders"] = new("List shared senders", "Operator key. Oldest first, with the `clientIds` each is for (null: every client)."),
        ["DELETE /v1/admin/shared-senders/{}"] = new("Stop sharing a sender",
            "Operator key. New broadcasts may no longer send from it; replies still follow the 7-day rule.", NotFound),
        ["POST /v1/admin/senders/{}/reject"] = new("Reject a sender", "Operator key.", NotFound, InvalidState),
        ["POST /v1/admin/templates/{}/approve"] = new("Approve a template", "Operator key.", NotFound, InvalidState),
        ["POST /v1/admin/templates/{}/reject"] = new("Reject a template", "Operator key.", NotFound, InvalidState),
        ["GET /v1/admin/prices"] = new("Read the price table", "Operator key."),
        ["PUT /v1/admin/prices"] = new("Change prices", "Operator key. Omitted fields keep their value; countries merge; `null` means no route.",
            ValidationFailed),
        ["PUT /v1/admin/routes"] = new("Replace the routing table",
            "Operator key. Replaces the table whole (an empty list clears it back to the implicit `default` route); in " +
            "effect within about a second on every silo for messages not yet submitted. A recipient takes the first route " +
            "whose filters all match.", ValidationFailed)
        {
            RequestExample = Examples.RoutesRequest,
        },
        ["GET /v1/admin/routes"] = new("Read the routing table", "Operator key. While no table is set, `defaultRoute` shows the route that stands in."),
        ["GET /v1/admin/connectors"] = new("List the connectors",
            "Operator key. Every configured connector with its state on every silo: `up` when it is up on at least one."),
        ["POST /v1/carrier/{}/receipts"] = new("Deliver receipts", "From the carrier, batched; `X-Carrier-Secret` authenticates.",
            Unauthenticated, ValidationFailed, NotFound),
        ["POST /v1/carrier/{}/inbound"] = new("Deliver an inbound message",
            "From the carrier; `X-Carrier-Secret` authenticates. STOP-like keywords opt the number out, START/UNSTOP opt it back in.",
            Unauthenticated, ValidationFailed, NotFound),
        ["GET /v1/webhooks/deliveries"] = new("List webhook deliveries", "Attempts to POST events to the client's `webhookUrl`.", ValidationFailed),
        ["GET /health/live"] = new("Liveness", "200 while the process answers. No key."),
        ["GET /health/ready"] = new("Readiness", "200 when the silo serves grain calls and its storage answers; else 503. No key."),
    };
}
