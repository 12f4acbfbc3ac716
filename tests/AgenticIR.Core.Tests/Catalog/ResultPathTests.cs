using System.Text.Json;
using AgenticIR.Core.Catalog;

namespace AgenticIR.Core.Tests.Catalog;

public sealed class ResultPathTests
{
    [Theory]
    [InlineData("summary.malicious", null)]
    [InlineData("data.0.attributes.country", null)]
    [InlineData("message", null)]
    [InlineData("action_result.summary.x", "must start with one of")]
    [InlineData("Summary.malicious", "must start with one of")]
    [InlineData("data.*.id", "not a dotted path")]
    [InlineData("data..id", "not a dotted path")]
    [InlineData("data.0.${inputs.ip}", "not a dotted path")]
    [InlineData("data.0.last analysis", "not a dotted path")]
    public void Problem_Paths_AcceptOnlyDottedPathsIntoTheResultItem(string path, string? problem)
    {
        var actual = ResultPath.Problem(path);

        if (problem is null) Assert.Null(actual);
        else Assert.Contains(problem, actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_IndexesArraysAndToleratesCase()
    {
        using var document = JsonDocument.Parse("""{"Data":[{"x":{"y":"v"}},{"x":{"y":"w"}}]}""");

        Assert.Equal("w", ResultPath.Find(document.RootElement, "data.1.x.y")?.GetString());
        Assert.Null(ResultPath.Find(document.RootElement, "data.2.x.y"));
        Assert.Null(ResultPath.Find(document.RootElement, "data.x"));
    }

    [Fact]
    public void Find_ExactNamePreferredOverCaseInsensitiveMatch()
    {
        using var document = JsonDocument.Parse("""{"summary":{"Verdict":"loose","verdict":"exact"}}""");

        Assert.Equal("exact", ResultPath.Find(document.RootElement, "summary.verdict")?.GetString());
    }

    [Fact]
    public void Find_JsonNull_IsMissing()
    {
        using var document = JsonDocument.Parse("""{"summary":{"malicious":null}}""");

        Assert.Null(ResultPath.Find(document.RootElement, "summary.malicious"));
    }

    [Fact]
    public void Text_ThirdPartyValue_IsOneLineAndCapped()
    {
        using var document = JsonDocument.Parse($$"""{"message":"line one\r\nline two {{new string('x', 300)}}"}""");

        var text = ResultPath.Text(ResultPath.Find(document.RootElement, "message")!.Value);

        Assert.StartsWith("line one line two x", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
        Assert.Equal(ResultPath.MaxTextLength + 1, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"v":7}""", 7.0)]
    [InlineData("""{"v":"2.5"}""", 2.5)]
    [InlineData("""{"v":"high"}""", null)]
    [InlineData("""{"v":true}""", null)]
    public void Number_NumbersAndNumericStrings_OthersAreNull(string json, double? expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, ResultPath.Number(document.RootElement.GetProperty("v")));
    }
}
