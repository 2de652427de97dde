using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Api.Tests.Reading;

public class CreateBroadcastRequestRecipientsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task String_and_object_recipients_mix_in_order(bool segmented)
    {
        const string json = """
            {"recipients":["+14155550100", {"to":"+447700900123","variables":{"first_name":"Ann"}}, "0812345678",
              {"note":{"x":[1]},"to":"+256772123456"}, "not a number", "+0123456", "+1234567890123456"]}
            """;

        var recipients = (await RequestBodies.ReadAsync(json, segmented)).Succeeded().Recipients;

        Assert.Equal([14155550100, 447700900123, 0, 256772123456, 0, 0, 0], recipients.Numbers);
        Assert.Equal([2, 4, 5, 6], recipients.TextIndexes);
        Assert.Equal(["0812345678", "not a number", "+0123456", "+1234567890123456"], recipients.Texts);
        Assert.Equal(["first_name"], recipients.Variables.Names);
        Assert.Equal([1], recipients.Variables.Recipients);
        Assert.Equal<IEnumerable<string?>>(["Ann"], recipients.Variables.ValuesOf(0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task National_numbers_and_other_text_go_to_texts_unchanged(bool segmented)
    {
        const string json = """{"recipients":["0812345678","(415) 555-0100"," +14155550100","+1 415 555 0100",""]}""";

        var recipients = (await RequestBodies.ReadAsync(json, segmented)).Succeeded().Recipients;

        Assert.Equal(new long[5], recipients.Numbers);
        Assert.Equal([0, 1, 2, 3, 4], recipients.TextIndexes);
        Assert.Equal(["0812345678", "(415) 555-0100", " +14155550100", "+1 415 555 0100", ""], recipients.Texts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Escaped_numbers_are_still_numbers(bool segmented)
    {
        const string json = """
            {"recipients":["\u002B14155550100","+1415555\u0030101",
              "\u002b\u0031\u0034\u0031\u0035\u0035\u0035\u0035\u0030\u0031\u0030\u0032", "\u00300812345678"]}
            """;

        var recipients = (await RequestBodies.ReadAsync(json, segmented)).Succeeded().Recipients;

        Assert.Equal([14155550100, 14155550101, 14155550102, 0], recipients.Numbers);
        Assert.Equal(["00812345678"], recipients.Texts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Variables_form_columns_over_the_union_of_names(bool segmented)
    {
        var longName = new string('v', RequestLimits.MaxVariableNameLength);
        var json = $$$"""
            {"recipients":[
              {"to":"+14155550100","variables":{"a":"1"}},
              "+14155550101",
              {"variables":{"b":"x","a":"2","b":"y"},"to":"0812345678"},
              {"to":"+14155550103","variables":{"c":42,"d":true,"e":null,"f":-1.5e3,"{{{longName}}}":"long"}},
              {"to":"+14155550104","variables":null},
              {"to":"+14155550105","variables":{}}
            ]}
            """;

        var recipients = (await RequestBodies.ReadAsync(json, segmented)).Succeeded().Recipients;

        Assert.Equal(["a", "b", "c", "d", "f", longName], recipients.Variables.Names);
        // An empty object is no row: only values take room.
        Assert.Equal([0, 2, 3], recipients.Variables.Recipients);
        Assert.Equal(
            [
                ["1", null, null, null, null, null],
                ["2", "y", null, null, null, null],
                [null, null, "42", "true", "-1.5e3", "long"],
            ],
            Enumerable.Range(0, recipients.Variables.RowCount).Select(recipients.Variables.ValuesOf));
        Assert.Equal([2], recipients.TextIndexes);
    }

    [Fact]
    public async Task Escaped_variable_names_and_values_are_unescaped()
    {
        const string json = """{"recipients":[{"to":"+14155550100","variables":{"first\u005Fname":"Zo\u00EB \"Z\""}}]}""";

        var recipients = (await RequestBodies.ReadBothWaysAsync(json)).Succeeded().Recipients;

        Assert.Equal(["first_name"], recipients.Variables.Names);
        Assert.Equal<IEnumerable<string?>>(["Zoë \"Z\""], recipients.Variables.ValuesOf(0));
        Assert.Equal(1, recipients.Variables.RowCount);
    }
}
