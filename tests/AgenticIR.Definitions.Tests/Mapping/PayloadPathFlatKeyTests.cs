using System.Text.Json.Nodes;
using AgenticIR.Definitions.Mapping;

namespace AgenticIR.Definitions.Tests.Mapping;

public sealed class PayloadPathFlatKeyTests
{
    private static List<string?> Select(string path, string json) =>
        [.. PayloadPath.TryParse(path, out _)!.Select(JsonNode.Parse(json)).Select(n => n.ToString())];

    [Theory]
    [InlineData("""{ "source": { "ip": "81.2.69.143" } }""")]
    [InlineData("""{ "source.ip": "81.2.69.143" }""")]
    [InlineData("""{ "source": { "ip.keyword": "x" }, "source.ip": "81.2.69.143" }""")]
    public void Select_NestedOrFlatDottedKey_FindsTheValue(string json)
    {
        Assert.Equal(["81.2.69.143"], Select("source.ip", json));
    }

    [Fact]
    public void Select_FlatKeyInsideNestedObject_FindsTheValue()
    {
        Assert.Equal(["high"], Select("kibana.alert.severity", """{ "kibana": { "alert.severity": "high" } }"""));
    }

    [Fact]
    public void Select_NestedValuePresent_DoesNotAlsoReadTheFlatKey()
    {
        Assert.Equal(["nested"], Select("a.b", """{ "a": { "b": "nested" }, "a.b": "flat" }"""));
    }
}
