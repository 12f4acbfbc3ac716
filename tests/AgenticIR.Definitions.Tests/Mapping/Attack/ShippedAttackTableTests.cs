namespace AgenticIR.Definitions.Tests.Mapping.Attack;

/// <summary>A few documented types per shipped table, and what each must mean.</summary>
public sealed class ShippedAttackTableTests
{
    private static string[] Lookup(string table, string value, params string[] outcomes) =>
        [.. ShippedAttackTables.Table(table).Lookup(value, outcomes)];

    [Theory]
    [InlineData("UnauthorizedAccess:EC2/SSHBruteForce", "T1110")]
    [InlineData("Trojan:EC2/BlackholeTraffic!DNS", "T1071.004")]
    [InlineData("PrivilegeEscalation:Runtime/DockerSocketAccessed", "T1611")]
    [InlineData("Recon:EC2/PortProbeUnprotectedPort", "T1046")]
    [InlineData("CryptoCurrency:EC2/BitcoinTool.B!DNS", "T1496.001")]
    [InlineData("CryptoCurrency:Lambda/BitcoinTool.B", "T1496.001")]
    [InlineData("Exfiltration:S3/MaliciousIPCaller", "T1530")]
    [InlineData("Exfiltration:IAMUser/AnomalousBehavior", "T1537")]
    [InlineData("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", "T1552.005,T1078.004")]
    [InlineData("Stealth:IAMUser-CloudTrailLoggingDisabled", "T1562.008")]
    public void GuardDuty_DocumentedFindingType_MapsToItsTechniques(string type, string techniques)
    {
        Assert.Equal(techniques.Split(','), Lookup("guardduty_finding_types", type));
    }

    [Theory]
    [InlineData("Behavior:EC2/NetworkPortUnusual")]
    [InlineData("Policy:S3/BucketPublicAccessGranted")]
    [InlineData("Trojan:EC2/SomethingNew")]
    public void GuardDuty_TypeWithoutAnAttackMeaning_FindsNothing(string type)
    {
        Assert.Empty(Lookup("guardduty_finding_types", type));
    }

    [Theory]
    [InlineData("unfamiliarFeatures", "T1078.004")]
    [InlineData("anonymizedIPAddress", "T1078.004,T1090.003")]
    [InlineData("leakedCredentials", "T1589.001")]
    [InlineData("passwordSpray", "T1110.003")]
    [InlineData("PasswordSpray", "T1110.003")]
    [InlineData("unlikelyTravel", "T1078.004")]
    [InlineData("mcasImpossibleTravel", "T1078.004")]
    [InlineData("maliciousIPAddress", "T1078.004,T1110")]
    [InlineData("mcasSuspiciousInboxManipulationRules", "T1564.008")]
    [InlineData("tokenIssuerAnomaly", "T1606.002")]
    public void Entra_DocumentedRiskEventType_MapsToItsTechniques(string type, string techniques)
    {
        Assert.Equal(techniques.Split(','), Lookup("entra_risk_event_types", type));
    }

    [Fact]
    public void Entra_GenericRiskWithoutDetails_FindsNothing()
    {
        Assert.Empty(Lookup("entra_risk_event_types", "generic"));
    }

    [Theory]
    [InlineData("security.threat.detected", "SUCCESS", "T1110")]
    [InlineData("user.session.start", "FAILURE", "T1110")]
    [InlineData("user.session.start", "SUCCESS", "")]
    [InlineData("user.mfa.okta_verify.deny_push", "SUCCESS", "T1621")]
    [InlineData("user.mfa.factor.deactivate", "SUCCESS", "T1556.006")]
    [InlineData("policy.evaluate_sign_on", "DENY", "T1078.004")]
    [InlineData("policy.evaluate_sign_on", "ALLOW", "")]
    [InlineData("user.lifecycle.create", "SUCCESS", "")]
    public void Okta_DocumentedEventType_MapsToItsTechniquesForTheOutcome(string type, string outcome, string techniques)
    {
        Assert.Equal(techniques.Length == 0 ? [] : techniques.Split(','), Lookup("okta_event_types", type, outcome));
    }

    [Theory]
    [InlineData("User Execution", "T1204")]
    [InlineData("user execution", "T1204")]
    [InlineData("Valid Accounts: Cloud Accounts", "T1078.004")]
    [InlineData("PowerShell", "T1059.001")]
    [InlineData("Phishing: Spearphishing Attachment", "T1566.001")]
    [InlineData("Indicator Removal on Host", "T1070")]
    public void AttackNames_TechniqueName_MapsToItsId(string name, string technique)
    {
        Assert.Equal([technique], Lookup("attack_technique_names", name));
    }

    [Theory]
    [InlineData("Local Account")]
    [InlineData("Spearphishing Attachment")]
    [InlineData("Machine Learning")]
    [InlineData("Adware/PUP")]
    public void AttackNames_AmbiguousOrVendorSpecificName_FindsNothing(string name)
    {
        Assert.Empty(Lookup("attack_technique_names", name));
    }

    [Theory]
    [InlineData("thinkst_canary_incident_types", "SSH Login Attempt", "T1110,T1021.004")]
    [InlineData("thinkst_canary_incident_types", "Host Port Scan", "T1046")]
    [InlineData("thinkst_canary_incident_types", "Shared File Opened", "T1039,T1021.002")]
    [InlineData("proofpoint_tap_classifications", "impostor", "T1656")]
    [InlineData("proofpoint_tap_classifications", "PHISH", "T1566")]
    [InlineData("proofpoint_tap_threat_types", "attachment", "T1566.001")]
    [InlineData("proofpoint_tap_event_types", "clicks_permitted", "T1566.002,T1204.001")]
    [InlineData("securityhub_finding_types", "Effects/Resource Consumption/Cryptocurrency mining", "T1496")]
    [InlineData("entra_audit_activities", "Add service principal credentials", "T1098.001")]
    [InlineData("entra_audit_activities", "Set federation settings on domain", "T1484.002")]
    [InlineData("entra_signin_error_codes", "50126", "T1110")]
    public void OtherVendors_DocumentedType_MapsToItsTechniques(string table, string type, string techniques)
    {
        Assert.Equal(techniques.Split(','), Lookup(table, type));
    }

    [Theory]
    [InlineData("thinkst_canary_incident_types", "Canarytoken triggered")]
    [InlineData("proofpoint_tap_classifications", "spam")]
    [InlineData("securityhub_finding_types", "TTPs/Initial Access")]
    [InlineData("entra_audit_activities", "Update user")]
    [InlineData("entra_signin_error_codes", "50076")]
    public void OtherVendors_TypeThatNamesNoTechnique_FindsNothing(string table, string type)
    {
        Assert.Empty(Lookup(table, type));
    }
}
