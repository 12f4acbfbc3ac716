using System.CommandLine;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Audit;
using AgenticIR.Worker.Hosting;
using Spectre.Console;

namespace AgenticIR.Worker.Commands.Audit;

/// <summary><c>agentic-ir audit verify|export|prune</c>: the operator side of the hash-chained audit trail (docs/audit-trail.md).</summary>
internal static class AuditCommand
{
    public static Command Create() => new("audit", "Verify, export and prune the tamper-evident audit trail")
    {
        AuditVerifyCommand.Create(),
        AuditExportCommand.Create(),
        AuditPruneCommand.Create(),
    };

    /// <summary>Opens the trail in the database named by --db (migrating it first); null, with a message, when there is none.</summary>
    public static async Task<SqliteAuditLog?> OpenAsync(ResolvedPaths paths, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (!File.Exists(paths.Database))
        {
            console.MarkupLine($"[red]No database at {Markup.Escape(paths.Database)}[/] (pass --db)");
            return null;
        }
        var options = new SqliteStoreOptions { Path = paths.Database };
        // Initializing the state store applies pending migrations, the audit tables among them.
        await new SqliteStateStore(options, TimeProvider.System).InitializeAsync(cancellationToken);
        return new SqliteAuditLog(options, TimeProvider.System);
    }
}
