using System.Text;
using BroadcastGrains.Silo.Auth;

namespace BroadcastGrains.Api.Tests.Auth;

/// <summary>Issue 20 item 7: which key a request's headers present, Basic included.</summary>
public sealed class PresentedKeyTests
{
    static string Basic(string pair) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));

    [Fact]
    public void Basic_presents_the_password_as_the_key_and_the_user_as_the_id_it_claims()
    {
        var presented = PresentedKey.Read(Basic("abcdefghijklmnop:bgk_abcdefghijklmnop_secret:with:colons"), null);

        Assert.Equal(new PresentedKey("bgk_abcdefghijklmnop_secret:with:colons", "abcdefghijklmnop"), presented);
        Assert.True(presented!.PairsWith("abcdefghijklmnop"));
        Assert.False(presented.PairsWith("qrstuvwxyzabcdef"));
    }

    [Fact]
    public void Bearer_and_X_Api_Key_claim_no_id_and_pair_with_any()
    {
        var bearer = PresentedKey.Read("Bearer  bgk_key ", "ignored");
        var header = PresentedKey.Read(null, " bgk_key ");

        Assert.Equal(new PresentedKey("bgk_key", null), bearer);
        Assert.Equal(new PresentedKey("bgk_key", null), header);
        Assert.True(bearer!.PairsWith("anything"));
    }

    [Theory]
    [InlineData("Basic !!!not-base64")]
    [InlineData("Basic ")]
    [InlineData("Digest abc")]
    public void A_value_that_is_no_key_presents_nothing(string authorization)
    {
        Assert.Null(PresentedKey.Read(authorization, null));
    }

    [Theory]
    [InlineData("nocolon")]
    [InlineData(":bgk_key")]
    [InlineData("user:")]
    public void A_Basic_pair_without_both_halves_presents_nothing(string pair)
    {
        Assert.Null(PresentedKey.Read(Basic(pair), null));
    }
}
