using System.Text.Json;
using AgenticIR.Core.Catalog;
using AgenticIR.Definitions.Catalog;
using AgenticIR.Testing;

namespace AgenticIR.Definitions.Tests.Catalog;

/// <summary>The shipped connectors' <c>results:</c> sections read through Core's <see cref="ResultItemReader"/>.</summary>
public sealed class ShippedResultParsingTests
{
    // One app_run.result_data[i] item as VirusTotal v3 "ip reputation" returns it (data[] holds the API's data object).
    private const string IpReputationItem = """
        {
          "message": "Successfully retrieved information",
          "parameter": { "ip": "203.0.113.7" },
          "summary": { "source": "new from virustotal" },
          "data": [ { "id": "203.0.113.7", "type": "ip_address",
                      "attributes": { "country": "NL", "asn": 64500,
                                      "last_analysis_stats": { "malicious": 4, "suspicious": 0, "harmless": 60 } } } ]
        }
        """;

    private static ResultParsing ShippedIpReputation() =>
        ActionCatalog.Load(RepoPaths.Connectors).Find("ip_reputation")!.SplunkSoar!.Results!;

    [Fact]
    public void Read_ShippedIpReputationOnMaliciousItem_IsMaliciousWithFacts()
    {
        using var item = JsonDocument.Parse(IpReputationItem);

        var reading = ResultItemReader.Read(ShippedIpReputation(), item.RootElement);

        Assert.Equal((ResultLevel.Malicious, "4", ">= 3 (malicious)"), (reading.Level, reading.Value, reading.Rule));
        // Declaration order; as_owner and reputation are declared but absent from this item.
        Assert.Equal([new("country", "NL"), new("asn", "64500")], reading.Facts);
    }
}
