using System.Net;
using System.Security.Cryptography;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Catalogue;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastGrains.Api.Tests.Auth;

/// <summary>API.md: a key that cannot exist (wrong shape) is refused without touching grains or storage.</summary>
[Collection(ApiCollection.Name)]
public sealed class ImpossibleKeyTests(ApiFixture api)
{
    const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
    const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static TheoryData<string> ImpossibleSecrets => new()
    {
        "short",
        new string('a', 39),
        new string('a', 41),
        new string('a', 39) + "-",
        new string('a', 39) + "+",
    };

    [Theory]
    [MemberData(nameof(ImpossibleSecrets))]
    public async Task A_key_of_an_impossible_shape_is_401_and_activates_no_key_grain(string secret)
    {
        var id = RandomNumberGenerator.GetString(IdAlphabet, 16);
        using var http = api.WithBearer($"bgk_{id}_{secret}");

        using var response = await http.GetAsync("/v1/wallet");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        Assert.DoesNotContain(KeyGrain(id), await ActiveKeyGrainsAsync());
    }

    [Fact]
    public async Task A_key_of_the_right_shape_is_looked_up_by_its_grain()
    {
        // The other tests' observation is worth something only if a lookup shows up in it.
        var id = RandomNumberGenerator.GetString(IdAlphabet, 16);
        using var http = api.WithBearer($"bgk_{id}_{RandomNumberGenerator.GetString(SecretAlphabet, 40)}");

        using var response = await http.GetAsync("/v1/wallet");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        Assert.Contains(KeyGrain(id), await ActiveKeyGrainsAsync());
    }

    GrainId KeyGrain(string id) => Grains.GetGrain<IApiKeyGrain>(id).GetGrainId();

    async Task<List<GrainId>> ActiveKeyGrainsAsync() =>
        await Grains.GetGrain<IManagementGrain>(0).GetActiveGrains(KeyGrain("x").Type);

    IGrainFactory Grains => api.Services.GetRequiredService<IGrainFactory>();
}
