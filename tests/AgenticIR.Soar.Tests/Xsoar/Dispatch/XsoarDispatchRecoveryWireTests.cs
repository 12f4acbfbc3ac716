using AgenticIR.Core.Response;
using AgenticIR.Soar.Tests.Api;
using AgenticIR.Soar.Tests.Dispatch;
using AgenticIR.Soar.Xsoar.Dispatch;
using AgenticIR.Storage.Sqlite.SoarDispatch;
using AgenticIR.Testing.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using WireMock.Server;
using static AgenticIR.Soar.Tests.Xsoar.Dispatch.XsoarDispatchData;

namespace AgenticIR.Soar.Tests.Xsoar.Dispatch;

/// <summary>Recovery of a command left 'sending' (the worker died after XSOAR ran it), against raw XSOAR answers: the war
/// room's entries are matched on <c>parentContent</c>, and an error entry (type 4) makes the recovered outcome a failure.</summary>
public sealed class XsoarDispatchRecoveryWireTests : IAsyncDisposable
{
    private const string IncidentId = "1042";
    private const string Line = "!pan-os-register-ip-tag IPs=\"203.0.113.7\" persistent=\"true\" tag=\"AgenticIR-Blocked\" using=\"panorama_prod\"";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly TempSqliteDatabase _database = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        _server.Stop();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ExecuteAsync_SendingRowAndErrorEntryOfTheCommandInTheWarRoom_RecordsFailureWithoutRunningAgain()
    {
        var time = new AutoAdvancingTimeProvider(SoarTestData.T0);
        var ledger = new SqliteDispatchLedger(await _database.MigratedAsync(time, Ct));
        using var client = XsoarTestClients.Create(_server.Url!, new DrivenTimeProvider());
        _server.StubXsoar("POST", "/investigation/" + IncidentId, 200, $$"""
            {"id": "{{IncidentId}}", "entries": [
              {"id": "3@1042", "type": 1, "user": "analyst1", "contents": "!pan-os-register-ip-tag IPs=\"203.0.113.7\" tag=\"Other\""},
              {"id": "7@1042", "type": 4, "contents": "Failed to execute pan-os-register-ip-tag command. Error: tag limit reached",
               "parentContent": {{System.Text.Json.JsonSerializer.Serialize(Line)}},
               "brand": "Panorama", "instance": "panorama_prod"}]}
            """);
        var arguments = new List<KeyValuePair<string, string>> { new("IPs", "203.0.113.7"), new("persistent", "true"), new("tag", "AgenticIR-Blocked") };
        var key = XsoarDispatchKeys.Compute("lab", IncidentId, "block_ip", arguments);
        Assert.True(await ledger.TryBeginAsync(new DispatchLedgerEntry
        {
            DispatchKey = key, Platform = "xsoar", Instance = "lab", ContainerId = IncidentId, InvestigationId = "inv-x1", ActionId = "A1",
            LogicalAction = "block_ip", Target = "203.0.113.7", ParametersJson = XsoarDispatchKeys.ArgumentsJson(arguments), RunName = Line,
            State = DispatchLedgerState.Sending, CreatedAt = SoarTestData.T0, UpdatedAt = SoarTestData.T0,
        }, Ct));
        var dispatcher = new XsoarActionDispatcher(new XsoarClientDirectory([client]), Catalog(), ledger, new XsoarIntegrationDirectory(),
            new XsoarDispatchOptions(), time, NullLogger<XsoarActionDispatcher>.Instance);

        var execution = await dispatcher.ExecuteAsync(Record(IncidentId), Action(BlockIp, SoarTestData.AttackerIp), Ct);

        Assert.Equal(["/investigation/1042"], _server.LogEntries.Select(e => e.RequestMessage!.Path));
        Assert.Equal((DispatchStatus.Failed, "7@1042", key), (execution.Status, execution.ExternalId, execution.DispatchKey));
        Assert.Contains("tag limit reached", execution.Message, StringComparison.Ordinal);
        Assert.Equal(DispatchLedgerState.Failed, (await ledger.GetAsync(key, Ct))!.State);
    }
}
