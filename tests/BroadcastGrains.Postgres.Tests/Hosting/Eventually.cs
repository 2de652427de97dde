namespace BroadcastGrains.Postgres.Tests.Hosting;

/// <summary>Polls a read until its answer is what the test waits for, and fails the test at the deadline.</summary>
internal static class Eventually
{
    static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>Generous: a deadline only bounds a hung test; passing runs finish far sooner.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(60);

    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, string waitingFor, TimeSpan? deadline = null)
    {
        var limit = deadline ?? DefaultDeadline;
        var giveUpAt = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow >= giveUpAt)
            {
                Assert.Fail($"Waited {limit.TotalSeconds} s for {waitingFor}; last seen: {value}");
            }
            await Task.Delay(PollEvery);
        }
    }
}
