using System.Globalization;
using System.Text;

namespace BroadcastGrains.Carrier.Simulator;

/// <summary>
/// Appends one line <c>{partitionKey} {index}</c> per message the simulator took to a file (setting
/// <c>Broadcast:Simulator:SubmissionLogPath</c>), so a test can count double submissions across silo processes, one of
/// which it kills: each batch is handed to the operating system before the submit answers, so what a killed process
/// took is on disk. A test aid, off by default.
/// </summary>
internal sealed class SubmissionLog : IDisposable
{
    readonly FileStream _file;
    readonly Lock _lock = new();

    public SubmissionLog(string path)
    {
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
    }

    public void Record(SubmitBatch batch, int count)
    {
        if (count == 0)
        {
            return;
        }
        var text = new StringBuilder(count * (batch.PartitionKey.Length + 8));
        for (var i = 0; i < count; i++)
        {
            text.Append(batch.PartitionKey).Append(' ').Append(batch.Indexes[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        lock (_lock)
        {
            _file.Write(bytes);
            _file.Flush();
        }
    }

    public void Dispose() => _file.Dispose();
}
