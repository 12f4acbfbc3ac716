namespace AgenticIR.Soar.Tests.Enrichment;

/// <summary><c>result_data</c> as the apps return it (shape of VirusTotal v3 "ip reputation" and Cisco Umbrella
/// Investigate "domain reputation" results: one item per parameter set with data, summary, message and parameter).</summary>
internal static class EnrichmentJson
{
    public static string VirusTotalIp(int malicious, string country = "RU") => $$"""
        [{
          "data": [{
            "attributes": {
              "as_owner": "Evil Hosting Ltd", "asn": 64500, "country": "{{country}}", "network": "203.0.113.0/24",
              "last_analysis_stats": { "harmless": 61, "malicious": {{malicious}}, "suspicious": 1, "timeout": 0, "undetected": 20 },
              "reputation": -23
            },
            "id": "203.0.113.7", "type": "ip_address"
          }],
          "message": "Malicious: {{malicious}}, Suspicious: 1, Harmless: 61",
          "parameter": { "ip": "203.0.113.7", "context": { "artifact_id": 0 } },
          "status": "success",
          "summary": { "harmless": 61, "malicious": {{malicious}}, "suspicious": 1, "undetected": 20 }
        }]
        """;

    public static string UmbrellaDomain(string statusDesc) => $$"""
        [{
          "data": [{ "category": "Malware, Command and Control", "domain": "evil.example", "status": -1, "status_desc": "{{statusDesc}}" }],
          "message": "Domain status: {{statusDesc}}",
          "parameter": { "domain": "evil.example" },
          "status": "success",
          "summary": { "domain_status": "{{statusDesc}}", "risk_score": "87" }
        }]
        """;
}
