using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;
using AgenticIR.Core.Ports;

namespace AgenticIR.Agents.Tools;

/// <summary>The investigation tools by name; the loop only ever runs tools found here.</summary>
public sealed class ToolRegistry
{
    private readonly Dictionary<string, IInvestigationTool> _tools;
    // The loop asks for the tools of each known observable's type at every step; the answer never changes.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ObservableType, IReadOnlyList<IInvestigationTool>> _byType = new();

    /// <param name="tools">Tools; names must be unique.</param>
    /// <param name="context">Context used to describe the blast radius (asset criticality, services); optional.</param>
    public ToolRegistry(IEnumerable<IInvestigationTool> tools, IContextStore? context = null)
    {
        ArgumentNullException.ThrowIfNull(tools);
        _tools = new Dictionary<string, IInvestigationTool>(StringComparer.OrdinalIgnoreCase);
        foreach (var tool in tools)
        {
            if (!_tools.TryAdd(tool.Name, tool)) throw new ArgumentException($"Duplicate tool name '{tool.Name}'.", nameof(tools));
        }
        Context = context;
    }

    /// <summary>The built-in local-context tools over one store, followed by the tools of <paramref name="sources"/> (an
    /// adapter's, such as a SOAR's enrichment actions), in registration order.</summary>
    /// <exception cref="ArgumentException">A source's tool has the name of another tool.</exception>
    public static ToolRegistry CreateDefault(IContextStore context, IEnumerable<IInvestigationToolSource>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        IInvestigationTool[] builtIn =
        [
            new ThreatIntelLookupTool(context),
            new AssetLookupTool(context),
            new IdentityLookupTool(context),
            new AlertHistoryTool(context),
            new MailboxSearchTool(context),
            new SignInHistoryTool(context),
            new IpSignInActivityTool(context),
            new HostProcessActivityTool(context),
            new HashPrevalenceTool(context),
            new IpConnectionsTool(context),
            new CloudActivityTool(context),
        ];
        return new ToolRegistry([.. builtIn, .. (sources ?? []).SelectMany(s => s.Tools)], context);
    }

    /// <summary>Context for blast-radius descriptions, when the registry was built over one.</summary>
    public IContextStore? Context { get; }

    /// <summary>The registry narrowed to the tools that apply to an investigation (itself when all do).</summary>
    public ToolRegistry ApplicableTo(Core.State.InvestigationRecord investigation) =>
        _tools.Values.All(t => t.AppliesTo(investigation)) ? this : new ToolRegistry(_tools.Values.Where(t => t.AppliesTo(investigation)), Context);

    /// <summary>All tools in registration order.</summary>
    public IReadOnlyCollection<IInvestigationTool> All => _tools.Values;

    /// <summary>A tool by name, or null.</summary>
    public IInvestigationTool? Find(string name) => _tools.GetValueOrDefault(name);

    /// <summary>Tools that accept an observable type.</summary>
    public IReadOnlyList<IInvestigationTool> For(ObservableType type) =>
        _byType.GetOrAdd(type, static (t, tools) => tools.Values.Where(tool => tool.Accepts.Contains(t)).ToArray(), _tools);
}
