using BroadcastGrains.Cli.Recipients;

namespace BroadcastGrains.Cli.Tests.Recipients;

/// <summary>Reading the files people have: plain lists and CSV exports.</summary>
public sealed class RecipientFileTests : IDisposable
{
    readonly string _path = Path.Combine(Path.GetTempPath(), $"recipients-{Guid.NewGuid():N}");

    [Fact]
    public void A_plain_list_is_one_number_a_line_without_blanks_or_comments()
    {
        var file = Write(".txt", "# exported today", "+14155550100", "", "  +447400123456  ", "0812345678");
        Assert.Null(file.Delimiter);
        Assert.Equal(["+14155550100", "+447400123456", "0812345678"], file.Read().Select(r => r.To));
    }

    [Fact]
    public void Csv_takes_the_phone_column_and_every_other_column_as_a_variable()
    {
        var file = Write(".csv", "first_name,Phone,city", "Ann,+14155550100,\"Portland, OR\"", "\"Bo \"\"B\"\"\",+447400123456,London");
        Assert.Equal(["first_name", "city"], file.Variables);
        var rows = file.Read().ToList();
        Assert.Equal("+14155550100", rows[0].To);
        Assert.Equal(["Ann", "Portland, OR"], rows[0].Values.Select(v => v!));
        Assert.Equal(["Bo \"B\"", "London"], rows[1].Values.Select(v => v!));
    }

    [Fact]
    public void Semicolons_and_a_single_column_csv_are_understood()
    {
        Assert.Equal(';', Write(".txt", "msisdn;name", "+14155550100;Ann").Delimiter);
        var single = Write(".csv", "numbers", "+14155550100");
        Assert.Equal(["+14155550100"], single.Read().Select(r => r.To));
    }

    [Fact]
    public void A_csv_without_a_number_column_is_refused_by_name()
    {
        var error = Assert.Throws<UsageException>(() => Write(".csv", "name,city", "Ann,Paris"));
        Assert.Contains("phone", error.Message, StringComparison.Ordinal);
    }

    RecipientFile Write(string extension, params string[] lines)
    {
        File.WriteAllLines(_path + extension, lines);
        return RecipientFile.Open(_path + extension);
    }

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + ".*"))
        {
            File.Delete(file);
        }
    }
}
