namespace BroadcastGrains.Testing;

/// <summary>
/// Polls a read until its answer is what the test waits for, and fails the test at the deadline with what it saw last.
/// Deadlines are generous: they only bound a hung test, and passing runs finish far sooner. Linked as source into every
/// test project.
/// </summary>
internal static class Eventually
{
    static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);

    /// <summary>The deadline of the overload that takes none.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Reads until <paramref name="done"/>; at the deadline the test fails with what was last seen, told by
    /// <paramref name="describe"/> when the value's own text says too little.
    /// </summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan deadline, string waitingFor,
        Func<T, string>? describe = null)
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
                Assert.Fail($"Waited {deadline.TotalSeconds} s for {waitingFor}; last seen: {(describe is null ? value : describe(value))}");
            }
            await Task.Delay(PollEvery);
        }
    }

    public static Task<T> ReadAsync<T>(Func<T> read, Func<T, bool> done, TimeSpan deadline, string waitingFor,
        Func<T, string>? describe = null) =>
        ReadAsync(() => Task.FromResult(read()), done, deadline, waitingFor, describe);

    public static Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, string waitingFor, TimeSpan? deadline = null) =>
        ReadAsync(read, done, deadline ?? DefaultDeadline, waitingFor);
}
