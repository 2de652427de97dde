using BroadcastGrains.Storage;

namespace BroadcastGrains.Api.Tests.Hosting;

/// <summary>A storage probe a test can make fail, with an error text that must not reach the health answer.</summary>
public sealed class SwitchableStorageProbe : IStorageProbe
{
    public const string SecretText = "connect to db.internal:5432 as broadcast with password hunter2 failed";

    public volatile bool Failing;

    public Task PingAsync(CancellationToken cancellationToken) =>
        Failing ? Task.FromException(new InvalidOperationException(SecretText)) : Task.CompletedTask;
}
