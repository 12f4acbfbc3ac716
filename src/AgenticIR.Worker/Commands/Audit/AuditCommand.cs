using System.CommandLine;
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

    /// <summary>Opens the host on the database named by --db (migrating it first); null, with a message, when there is none.</summary>
    public static async Task<CommandHost?> OpenAsync(CommandSettings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (settings.EmbeddedStoreMissing)
        {
            console.MarkupLine($"[red]No database at {Markup.Escape(settings.Paths.Database)}[/] (pass --db)");
            return null;
        }
        return await CommandHost.OpenStoreAsync(settings, cancellationToken);
    }
}
