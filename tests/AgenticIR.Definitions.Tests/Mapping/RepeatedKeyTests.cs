using AgenticIR.Core.Alerts;

namespace AgenticIR.Definitions.Tests.Mapping;

/// <summary>JSON objects that repeat a key: the last value is read everywhere, and the alert says which keys repeated.</summary>
public sealed class RepeatedKeyTests
{
    private static NormalizationResult Normalize(string content, string? format = null) =>
        ShippedMappings.Normalizer.Normalize(new RawAlert("test", content, format));

    [Fact]
    public void Normalize_RepeatedDeclaredField_ReadsTheLastValueAndNamesTheKey()
    {
        var result = Normalize("""{"search_name":"Beacon","src":"10.20.30.40","src":"45.155.205.233","user":"ana"}""", "splunk_notable");

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains(new Observable(ObservableType.Ipv4, "45.155.205.233"), result.Alert!.Observables);
        Assert.DoesNotContain(result.Alert.Observables, o => o.Value == "10.20.30.40");
        Assert.Equal("$.src (1 repeated key; the last value of each is used)", result.Alert.Attributes["duplicate_keys"]);
    }

    [Fact]
    public void Normalize_RepeatedKeyWrittenWithAnEscape_IsTheSameKey()
    {
        var result = Normalize("""{"title":"x","alert":{"src_ip":"185.220.101.4","src\u005fip":"45.155.205.233"}}""");

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains(new Observable(ObservableType.Ipv4, "45.155.205.233"), result.Alert!.Observables);
        Assert.DoesNotContain(result.Alert.Observables, o => o.Value == "185.220.101.4");
        Assert.StartsWith("$.alert.src_ip ", result.Alert.Attributes["duplicate_keys"], StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_RepeatedKeyInsideAnEmbeddedJsonString_ReadsTheLastValueWithoutFailing()
    {
        const string incident = """{"name":"Phish","occurred":"2026-11-30T10:00:00Z","severity":2,"rawJSON":"{\"rule\":\"first\",\"rule\":\"Credential phish\",\"src\":\"45.155.205.233\"}"}""";

        var result = Normalize(incident, "xsoar_incident");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("Credential phish", result.Alert!.RuleName);
    }

    [Fact]
    public void Normalize_ManyRepeatedKeys_NamesTheFirstFiveAndCountsTheRest()
    {
        var pairs = string.Join(",", Enumerable.Range(0, 8).SelectMany(i => new[] { $"\"k{i}\":\"a\"", $"\"k{i}\":\"b\"" }));

        var result = Normalize($$"""{"title":"storm",{{pairs}},"src_ip":"45.155.205.233"}""");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("$.k0, $.k1, $.k2, $.k3, $.k4 and 3 more (8 repeated keys; the last value of each is used)", result.Alert!.Attributes["duplicate_keys"]);
    }
}
