using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AgenticIR.Core.Soar;
using AgenticIR.Testing;

namespace AgenticIR.Worker.Tests.Architecture;

/// <summary>The project reference rules and the single composition root, read from the project files and the sources
/// themselves (so a rule broken in a file no test builds still fails here).</summary>
public sealed partial class ArchitectureTests
{
    private static readonly string Src = Path.Combine(RepoPaths.Root, "src");
    private const string Core = "AgenticIR.Core";
    private const string Worker = "AgenticIR.Worker";
    private static readonly string[] OnlyCore = [Core];

    // Every project of src/ the worker composes; each may reference Core and nothing else.
    private static readonly string[] Composed =
        ["AgenticIR.Agents", "AgenticIR.Governance", "AgenticIR.Soar", "AgenticIR.Kafka", "AgenticIR.Splunk", "AgenticIR.Storage", "AgenticIR.Definitions", "AgenticIR.Llm"];

    public static TheoryData<string> ComposedProjects => new(Composed);

    [Fact]
    public void Core_ReferencesNoPackageAndNoProject()
    {
        var project = Project(Core);

        Assert.Empty(project.Descendants("PackageReference"));
        Assert.Empty(project.Descendants("ProjectReference"));
        Assert.Empty(project.Descendants("FrameworkReference"));
    }

    [Fact]
    public void Core_CompiledAssemblyReferencesOnlyTheRuntime()
    {
        var references = typeof(SoarInstanceSet).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib",
            $"AgenticIR.Core references {name}"));
    }

    [Theory]
    [MemberData(nameof(ComposedProjects))]
    public void Project_ReferencesCoreOnly(string name)
    {
        Assert.Equal(OnlyCore, ProjectReferences(name));
    }

    [Theory]
    [MemberData(nameof(ComposedProjects))]
    public void Project_CompiledAssemblyReferencesNoOtherProductAssemblyThanCore(string name)
    {
        var references = Assembly.Load(new AssemblyName(name)).GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("AgenticIR.", StringComparison.Ordinal) || n == "agentic-ir");

        Assert.Equal(OnlyCore, references);
    }

    [Fact]
    public void Projects_OnlyLlmReferencesSemanticKernel()
    {
        var offenders = Directory.GetFiles(Src, "*.csproj", SearchOption.AllDirectories)
            .Where(p => Path.GetFileNameWithoutExtension(p) != "AgenticIR.Llm")
            .Where(p => XDocument.Load(p).Descendants("PackageReference").Any(r => ((string?)r.Attribute("Include"))?.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal) == true))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Projects_OnlyTheWorkerReferencesAnyProjectButCore()
    {
        // The worker is the one composition root: it alone sees several projects and wires them together; every other
        // project (a new adapter too) meets the rest only through Core's ports.
        var offenders = Directory.GetFiles(Src, "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name != Worker)
            .SelectMany(name => ProjectReferences(name!).Where(r => r != Core).Select(r => $"{name} references {r}"))
            .ToList();

        Assert.True(offenders.Count == 0, "only AgenticIR.Worker may reference projects other than Core:\n" + string.Join("\n", offenders));
        var root = ProjectReferences(Worker);
        Assert.All(Composed, project => Assert.Contains(project, root));
    }

    [Fact]
    public void NoProject_ReferencesTheWorker()
    {
        var offenders = Directory.GetFiles(Src, "*.csproj", SearchOption.AllDirectories)
            .Where(p => Path.GetFileNameWithoutExtension(p) != Worker)
            .Where(p => ProjectReferences(Path.GetFileNameWithoutExtension(p)).Contains(Worker))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Sources_NewSqliteStoreOnlyInsideStorage()
    {
        var offenders = SourceFiles(Src)
            .Where(f => !f.StartsWith(Path.Combine(Src, "AgenticIR.Storage") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(f => Matches(f, NewSqlite()))
            .ToList();

        Assert.True(offenders.Count == 0, "a store is created outside AgenticIR.Storage (resolve the port instead):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Commands_UseStoragePortsNeverTheStorageProject()
    {
        var commands = Path.Combine(Src, "AgenticIR.Worker", "Commands");

        var offenders = SourceFiles(commands).SelectMany(f => Matches(f, StorageNamespace())).ToList();

        Assert.True(offenders.Count == 0, "a command names the storage project (resolve Core's ports from its host):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Sources_OnlyTheWorkersCompositionRootBuildsAHostOrAContainer()
    {
        var root = Path.Combine(Src, "AgenticIR.Worker", "Hosting", "AgenticIrHost.cs");
        // The Splunk SOAR simulator is a stand-in SOAR server for demos and tests (its own web host), not the product's.
        var simulator = Path.Combine(Src, "AgenticIR.SoarSimulator") + Path.DirectorySeparatorChar;

        var offenders = SourceFiles(Src)
            .Where(f => f != root && !f.StartsWith(simulator, StringComparison.Ordinal))
            .SelectMany(f => Matches(f, BuildsAContainer()))
            .ToList();

        Assert.True(File.Exists(root), root);
        Assert.NotEmpty(Matches(root, BuildsAContainer()));
        Assert.True(offenders.Count == 0, "a host or service provider is built outside AgenticIrHost:\n" + string.Join("\n", offenders));
    }

    private static XDocument Project(string name) => XDocument.Load(Path.Combine(Src, name, name + ".csproj"));

    private static HashSet<string> ProjectReferences(string name) =>
        [.. Project(name).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(((string?)r.Attribute("Include") ?? "").Replace('\\', '/')))];

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static IEnumerable<string> Matches(string file, Regex pattern) =>
        File.ReadLines(file).Select((line, i) => (line, i)).Where(l => !l.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && pattern.IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(RepoPaths.Root, file)}:{l.i + 1}: {l.line.Trim()}");

    // `new SqliteStateStore(`, `new SqliteStoreOptions {`, … (SqliteConnection included: the connection is the store's business).
    [GeneratedRegex(@"\bnew\s+Sqlite\w*\s*[({]")]
    private static partial Regex NewSqlite();

    [GeneratedRegex(@"^\s*using\s+AgenticIR\.Storage\b|\bAgenticIR\.Storage\.")]
    private static partial Regex StorageNamespace();

    [GeneratedRegex(@"\bBuildServiceProvider\s*\(|\bHost\.Create\w*Builder\s*\(|\bnew\s+HostBuilder\s*\(|\bWebApplication\.Create\w*\s*\(")]
    private static partial Regex BuildsAContainer();
}
