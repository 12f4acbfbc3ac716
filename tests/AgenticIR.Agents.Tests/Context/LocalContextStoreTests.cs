using AgenticIR.Agents.Context;
using AgenticIR.Agents.Tests.Support;
using AgenticIR.Core.Alerts;
using AgenticIR.Testing;

namespace AgenticIR.Agents.Tests.Context;

public sealed class LocalContextStoreTests
{
    [Fact]
    public void Load_BadCriticality_ErrorNamesFileAndLine()
    {
        var files = ContextFixture.DefaultFiles();
        files["assets.csv"] = "hostname,ip,criticality,owner,business_service,role,os\nA,10.0.0.1,high,o,s,r,os\nB,10.0.0.2,extreme,o,s,r,os\n";
        using var fixture = new ContextFixture(files);

        var ex = Assert.Throws<ContextDataException>(fixture.Load);

        Assert.Equal("assets.csv", ex.File);
        Assert.Equal(3, ex.Line);
        Assert.StartsWith("assets.csv line 3:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("criticality", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongFieldCountAfterMultiLineCell_ErrorCountsPhysicalLines()
    {
        var files = ContextFixture.DefaultFiles();
        files["mail_trace.csv"] = "timestamp,message_id,sender,recipient,subject,url_domains,attachment_sha256,delivery\n"
            + "2026-11-19T15:10:02Z,<a>,s@x.example,r@corp.example,\"two\nline subject, with comma\",x.example,,delivered\n"
            + "2026-11-19T15:10:02Z,<b>,s@x.example,r@corp.example,short\n";
        using var fixture = new ContextFixture(files);

        var ex = Assert.Throws<ContextDataException>(fixture.Load);

        Assert.Equal(("mail_trace.csv", 4), (ex.File, ex.Line));
        Assert.Contains("expected 8 fields, found 5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadTimestamp_ErrorNamesColumn()
    {
        var files = ContextFixture.DefaultFiles();
        files["sign_ins.csv"] = "timestamp,user,src_ip,country,city,host,app,result\nyesterday,kpatel,1.2.3.4,US,,,,success\n";
        using var fixture = new ContextFixture(files);

        var ex = Assert.Throws<ContextDataException>(fixture.Load);

        Assert.Equal("sign_ins.csv line 2: column 'timestamp' is not a timestamp: 'yesterday'", ex.Message);
    }

    [Fact]
    public void Load_MissingFile_IsEmpty()
    {
        var files = ContextFixture.DefaultFiles();
        files.Remove("cloud_audit.csv");
        using var fixture = new ContextFixture(files);

        var store = fixture.Load();

        Assert.Empty(store.CloudEvents("anyone"));
        Assert.NotNull(store.FindAsset("FIN-DB01"));
    }

    [Fact]
    public void Load_QuotedCellWithComma_KeepsWholeValue()
    {
        using var fixture = new ContextFixture();

        var asset = fixture.Load().FindAsset("fin-db01");

        Assert.Equal("ERP Finance (GL, Payments)", asset?.BusinessService);
    }

    [Fact]
    public void FindIndicator_UrlOnSubdomain_MatchesParentDomainInTi()
    {
        using var fixture = new ContextFixture();
        var store = fixture.Load();

        var hit = store.FindIndicator(new Observable(ObservableType.Url, "https://login.evil-login.example/owa?u=x"));
        var sub = store.FindIndicator(new Observable(ObservableType.Domain, "a.b.EVIL-LOGIN.example"));

        Assert.Equal("evil-login.example", hit?.Value);
        Assert.Equal("malicious", sub?.Verdict);
        Assert.Null(store.FindIndicator(new Observable(ObservableType.Domain, "example")));
    }

    [Fact]
    public void Lookups_OtherSpellings_FindSameEntity()
    {
        using var fixture = new ContextFixture();
        var store = fixture.Load();

        Assert.Equal("kpatel", store.FindIdentity("KPATEL@corp.example")?.User);
        Assert.Equal("kpatel", store.FindIdentity(@"CORP\kpatel")?.User);
        Assert.Equal("FIN-WS-014", store.FindAsset("fin-ws-014.corp.local")?.Hostname);
        Assert.Equal("FIN-WS-014", store.FindAsset("10.20.8.14")?.Hostname);
        Assert.Equal(2, store.SignInsOfUser("kpatel@corp.example").Count);
        Assert.Equal(4, store.MessagesWithDomain("evil-login.example").Count);
    }

    [Fact]
    public void Load_ShippedSampleData_LoadsAndKnowsTheOrbitDomain()
    {
        var folder = Path.Combine(RepoPaths.Samples, "data");
        Assert.True(Directory.Exists(folder), $"{folder} is missing");

        var store = LocalContextStore.Load(folder);

        Assert.Equal("malicious", store.FindIndicator(new Observable(ObservableType.Url, "https://secure-login-micros0ft.com/owa/x"))?.Verdict);
        Assert.All(store.RowCounts, c => Assert.True(c.Value > 0, c.Key));
    }
}
