namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>
/// The opposite of <c>Eventually</c>: for a stated window, every read must keep answering what the test expects
/// ("nothing is submitted while the window is closed"). The window is the claim being checked, not a wait to settle.
/// </summary>
internal static class Steadily
{
    static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    public static async Task<T> HoldsAsync<T>(Func<Task<T>> read, Func<T, bool> holds, TimeSpan window, string what)
    {
        var until = DateTime.UtcNow + window;
        while (true)
        {
            var value = await read();
            Assert.True(holds(value), $"{what} stopped holding; seen: {value}");
            if (DateTime.UtcNow >= until)
            {
                return value;
            }
            await Task.Delay(PollEvery);
        }
    }
}
