using AgenticIR.Core.Audit;
using AgenticIR.Testing;

namespace AgenticIR.Storage.Tests.Audit;

/// <summary>Alert text reaches the audit trail verbatim; whatever it holds, what is hashed is what is stored and read back.</summary>
public sealed class SqliteAuditLogHostileTextTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task VerifyAsync_NulInALongJustification_StaysIntactAndReadsBackWhole()
    {
        // The triage reasoning quotes the alert title and runs past 512 UTF-8 bytes, where the text binding stopped at a NUL.
        using var db = await AuditTestDatabase.CreateAsync();
        var justification = "\"Beacon\0hidden tail\" triaged medium. " + new string('x', 600);
        var appended = await db.Log.AppendAsync(new AuditEntry { AgentName = "triage_agent", ActionType = "decision", Justification = justification }, Ct);

        var verification = await db.Log.VerifyAsync(null, Ct);
        var read = Assert.Single(await db.Log.ReadAsync(1, 10, Ct));

        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(justification, read.Entry.Justification);
        Assert.Equal(appended, read with { Entry = appended.Entry });
        AuditEntriesAssert.Same(appended.Entry, read.Entry);
    }

    public static TheoryData<string> Cases => new(HostileText.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AppendAsync_HostileTextInEveryField_ReadsBackAsAppendedAndVerifies(string name)
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var hostile = HostileText.Get(name);
        await db.AppendManyAsync(2, Ct);

        var appended = await db.Log.AppendAsync(Everywhere(hostile), Ct);
        await db.AppendManyAsync(2, Ct);

        var read = (await db.Log.ReadAsync(3, 1, Ct))[0];
        AuditEntriesAssert.Same(appended.Entry, read.Entry);
        Assert.Equal(appended, read with { Entry = appended.Entry });
        // Only what UTF-8 cannot carry changes (an unpaired surrogate becomes U+FFFD); NUL, CR/LF and the rest stay.
        var canonical = AuditCanonicalEncoding.CanonicalText(hostile);
        Assert.Equal(canonical, read.Entry.Justification);
        Assert.Equal(canonical, read.Entry.Details["k" + canonical]);
        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(5, verification.RecordsVerified);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task StreamAsync_HostileInvestigationId_FindsExactlyThatInvestigation(string name)
    {
        using var db = await AuditTestDatabase.CreateAsync();
        var hostile = HostileText.Get(name);
        await db.Log.AppendAsync(Everywhere(hostile), Ct);
        // The same id cut at its first NUL must not match.
        await db.Log.AppendAsync(Everywhere(hostile.Split('\0')[0] + "-other"), Ct);

        var found = await db.Log.StreamAsync(new AuditQuery { InvestigationId = hostile, ActionType = "decision " + hostile }, Ct).ToListAsync(Ct);

        Assert.Equal(1, Assert.Single(found).Sequence);
    }

    private static AuditEntry Everywhere(string hostile) => new()
    {
        AgentName = "agent " + hostile,
        ActionType = "decision " + hostile,
        Target = hostile,
        Justification = hostile,
        ApprovalStatus = hostile,
        ApproverIdentity = hostile,
        Outcome = hostile,
        EvidenceHash = hostile,
        InvestigationId = hostile,
        Details = new Dictionary<string, string> { ["k" + hostile] = hostile, ["plain"] = "v" },
    };
}
