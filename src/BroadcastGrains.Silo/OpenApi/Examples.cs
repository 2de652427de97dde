namespace BroadcastGrains.Silo.OpenApi;

/// <summary>Example bodies, as API.md shows them.</summary>
internal static class Examples
{
    public const string CreateBroadcastRequest = """
        {
          "name": "Spring sale",
          "from": "MyShop",
          "body": "Hi {{first_name}}, 20% off today only!",
          "recipients": [
            { "to": "+14155550100", "variables": { "first_name": "Ann" } },
            { "to": "+447400123456", "variables": { "first_name": "Bo" } }
          ],
          "scheduleMode": "now"
        }
        """;

    public const string Broadcast = """
        {
          "id": "bc_3k9x7q2m5n8p4r6t", "clientId": "cl_abcdefghijklmnop", "name": "Spring sale", "status": "sending",
          "scheduleMode": "now", "scheduledAt": null, "nextRunAt": null, "recurrenceRule": null, "timezone": "UTC",
          "from": "MyShop", "body": "Hi {{first_name}}", "encoding": "GSM7", "segmentsPerMessage": 1,
          "recipientCount": 250, "invalidCount": 2, "duplicateCount": 0, "estimatedCredits": 1.88, "heldCredits": 1.88,
          "spentCredits": 0, "refundedCredits": 0, "requiresApproval": false, "approvedAt": null,
          "createdAt": "2026-03-01T09:00:00.000Z", "startedAt": "2026-03-01T09:00:00.120Z", "completedAt": null,
          "drSummary": { "pending": 0, "queued": 0, "sent": 240, "delivered": 6, "failed": 0, "expired": 0, "timeout": 0,
                         "invalid": 2, "blocked": 0, "optedOut": 2, "cancelled": 0 },
          "breakdown": [ { "countryCode": "UG", "countryName": "Uganda", "recipients": 150, "segments": 200, "credits": 1.2, "pricePerSegment": 0.006 } ],
          "runs": 1, "upcomingRuns": [], "replyCount": 0
        }
        """;

    public const string Wallet = """{ "balance": 1500, "held": 1.88, "available": 1498.12, "currency": "credits" }""";

    public const string Precheck = """
        {
          "totalRecipients": 250, "invalid": 2, "duplicates": 0, "optedOut": 2, "encoding": "GSM7", "segmentsPerMessage": 1,
          "totalSegments": 246, "totalCredits": 1.88, "walletBalance": 1500, "walletCurrency": "credits", "balanceAfter": 1498.12,
          "sufficientBalance": true, "countries": 1,
          "breakdown": [ { "countryCode": "UG", "countryName": "Uganda", "recipients": 150, "segments": 200, "credits": 1.2, "pricePerSegment": 0.006 } ],
          "unroutableCount": 0, "unroutable": []
        }
        """;

    public const string RoutesRequest = """
        {
          "routes": [
            { "code": "UG_MTN", "countries": ["UG"], "prefixes": ["+25677", "+25678"], "connectors": ["smsc-a", "smsc-b"],
              "strategy": "failover", "pricePerSegment": 0.006 },
            { "code": "US", "countries": ["US"], "connectors": ["smsc-b", "smsc-c"], "strategy": "roundRobin" }
          ]
        }
        """;

    public const string EventStream = """
        event: progress
        data: {"id":"bc_3k9x7q2m5n8p4r6t","status":"sending","recipientCount":250,"drSummary":{"sent":240,"delivered":6,…}}

        event: final
        data: {"id":"bc_3k9x7q2m5n8p4r6t","status":"completed","recipientCount":250,"drSummary":{"delivered":246,…}}

        """;
}
