using AgenticIR.Definitions;
using AgenticIR.Soar.PlaybookAudit;
using AgenticIR.Testing;

namespace AgenticIR.Soar.Tests.PlaybookAudit;

/// <summary>App actions a playbook ran, mapped back to logical actions through the shipped connectors' bindings.</summary>
public sealed class SplunkSoarBindingMapTests
{
    private static readonly ConnectorBindingMap Map = ConnectorBindingMap.SplunkSoar(DefinitionSetLoader.Load(Path.Combine(RepoPaths.Config, "governance.yaml"), RepoPaths.Connectors).Catalog);

    [Theory]
    [InlineData("Panorama", "block ip", "", "block_ip")]
    [InlineData("panorama", "BLOCK IP", "", "block_ip")]
    [InlineData("CrowdStrike OAuth API", "upload indicator", "action=detect", "add_watchlist")]
    [InlineData("CrowdStrike OAuth API", "upload indicator", "action=prevent", "block_hash")]
    [InlineData("CrowdStrike OAuth API", "quarantine device", "", "isolate_endpoint")]
    [InlineData("AD LDAP", "reset password", "", "reset_password")]
    [InlineData("MS Graph for Office 365", "block sender", "", "quarantine_email")]
    [InlineData("VirusTotal v3", "detonate url", "", null)]
    [InlineData("", "hunt file", "", "hunt_hash")]
    public void Find_AppActionAndParameters_GiveTheLogicalAction(string app, string action, string parameter, string? expected)
    {
        var parameters = parameter.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { [parameter.Split('=')[0]] = parameter.Split('=')[1] };

        Assert.Equal(expected, Map.Find(app, action, parameters));
    }
}
