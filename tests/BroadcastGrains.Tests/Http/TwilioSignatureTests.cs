using BroadcastGrains.Carrier.Http;

namespace BroadcastGrains.Tests.Http;

/// <summary>X-Twilio-Signature: HMAC-SHA1 over the URL and the sorted POST parameters, as Twilio's documentation computes it.</summary>
public class TwilioSignatureTests
{
    const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";

    // Twilio's documented example (the expected value computed independently with openssl).
    static readonly KeyValuePair<string, string>[] Parameters =
    [
        new("To", "+18005551212"), new("From", "+12349013030"), new("Digits", "1234"),
        new("Caller", "+12349013030"), new("CallSid", "CA1234567890ABCDE"),
    ];

    [Fact]
    public void The_documented_example_signs_to_the_documented_value()
    {
        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.Compute("12345", Url, Parameters));
        Assert.True(TwilioSignature.Matches("12345", Url, Parameters, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0/KCTR6DLpKmkAf8muzZqo1nDgQ")]
    [InlineData("1/KCTR6DLpKmkAf8muzZqo1nDgQ=")]
    public void A_missing_or_wrong_signature_does_not_match(string? signature) =>
        Assert.False(TwilioSignature.Matches("12345", Url, Parameters, signature));

    [Fact]
    public void Another_token_another_url_or_a_changed_parameter_does_not_match()
    {
        var changed = Parameters.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "1235") : p);

        Assert.False(TwilioSignature.Matches("54321", Url, Parameters, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        Assert.False(TwilioSignature.Matches("12345", Url + "&baz=3", Parameters, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        Assert.False(TwilioSignature.Matches("12345", Url, changed, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    }
}
