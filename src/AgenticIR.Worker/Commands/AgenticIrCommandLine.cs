using System.CommandLine;

namespace AgenticIR.Worker.Commands;

/// <summary>The <c>agentic-ir</c> command line: one executable for the worker and its operator commands.</summary>
public static class AgenticIrCommandLine
{
    /// <summary>Options every command shares.</summary>
    internal static readonly Option<string?> HomeOption = new("--home") { Description = "Folder with config/, mappings/, connectors/ and samples/data (default: nearest above the working directory)" };
    internal static readonly Option<string?> DatabaseOption = new("--db") { Description = "SQLite database file (default: agentic-ir-data/agentic-ir.db)" };
    internal static readonly Option<string?> StoreOption = new("--store") { Description = "State store: sqlite (default) or postgresql://user:password@host:port/dbname (AGENTICIR_STORE keeps the password out of the process list)" };
    internal static readonly Option<string?> PolicyOption = new("--policy") { Description = "Governance policy file (default: {home}/config/governance.yaml)" };
    internal static readonly Option<string?> ReasonerOption = new("--reasoner") { Description = "Reasoner: llm (a language model; needs AGENTICIR_LLM_BASE_URL/_MODEL or config/llm.yaml) or deterministic (the rules alone). Default: the model when a base URL is set" };
    internal static readonly Option<string?> ContextOption = new("--context") { Description = "Local context folder (default: {home}/samples/data)" };

    /// <summary>Builds the root command.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("AgenticIR: agentic incident response beside your SOAR playbooks");
        foreach (var option in new Option[] { HomeOption, DatabaseOption, StoreOption, PolicyOption, ContextOption })
        {
            option.Recursive = true;
            root.Add(option);
        }
        root.Add(ReplayCommand.Create());
        root.Add(EvalCommand.Create());
        root.Add(ValidateCommand.Create());
        root.Add(ShowCommand.Create());
        root.Add(RunCommand.Create());
        root.Add(Status.StatusCommand.Create());
        root.Add(Simulator.SimulatorCommand.Create());
        root.Add(Demo.DemoCommand.Create());
        root.Add(Soar.ShadowReportCommand.Create());
        root.Add(Governance.ApprovalsCommand.Create());
        root.Add(Governance.KillSwitchCommand.Create());
        root.Add(Governance.GovernanceReportCommand.Create());
        root.Add(Governance.ProposalsCommand.Create());
        root.Add(Audit.AuditCommand.Create());
        root.Add(RetentionCommand.Create());
        root.Add(Splunk.SplunkAppCommand.Create());
        root.Add(Splunk.GraduationCommand.Create());
        root.Add(Splunk.MetricsCommand.Create());
        root.Add(Playbooks.PlaybooksCommand.Create());
        return Hosting.MetricsEnvironmentGuard.Apply(Hosting.StartupErrorGuard.Apply(root));
    }
}
