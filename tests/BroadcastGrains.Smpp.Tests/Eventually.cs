namespace BroadcastGrains.Smpp.Tests;

/// <summary>Polls a read until its answer is what the test waits for, and fails the test at the deadline.</summary>
internal static class Eventually
{
    static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);

    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan deadline, string waitingFor)
    {
        var giveUpAt = DateTime.UtcNow + deadline;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow >= giveUpAt)
            {
                Assert.Fail($"Waited {deadline.TotalSeconds} s for {waitingFor}; last seen: {value}");
            }
            await Task.Delay(PollEvery);
        }
    }

    public static Task<T> ReadAsync<T>(Func<T> read, Func<T, bool> done, TimeSpan deadline, string waitingFor) =>
        ReadAsync(() => Task.FromResult(read()), done, deadline, waitingFor);
}
