using System.Reflection;
using System.Runtime.Loader;
using AgenticIR.Testing;

namespace AgenticIR.Worker.Tests.Architecture;

/// <summary>With no model configured, the replay runs without loading any Semantic Kernel (or OpenAI SDK) assembly: the
/// composition root touches the model's types only behind the model wiring, so the model-free path pays nothing for them.</summary>
public sealed class ModelFreePathTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-model-free-");

    [Fact]
    public async Task Replay_NoBaseUrl_NoSemanticKernelAssemblyLoaded()
    {
        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AGENTICIR_LLM_BASE_URL")), "unset AGENTICIR_LLM_BASE_URL to run this test");
        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AGENTICIR_LLM_AZURE_ENDPOINT")), "unset AGENTICIR_LLM_AZURE_ENDPOINT to run this test");
        var summary = Path.Combine(_work.FullName, "summary.jsonl");
        // The whole CLI in a context of its own, so what this test process loaded for other tests does not count.
        var context = new IsolatedContext(AppContext.BaseDirectory);
        try
        {
            var cli = context.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, "agentic-ir.dll"));
            string[] args = ["replay", Path.Combine(RepoPaths.Samples, "alerts"), "--home", RepoPaths.Root,
                "--db", Path.Combine(_work.FullName, "state.db"), "--out", Path.Combine(_work.FullName, "reports"), "--summary-json", summary];

            var exit = await Task.Run(() => cli.EntryPoint!.Invoke(null, [args]), TestContext.Current.CancellationToken);
            if (exit is Task<int> pending) exit = await pending;

            Assert.Equal(0, exit);
            Assert.Contains("\"status\":\"processed\"", await File.ReadAllTextAsync(summary, TestContext.Current.CancellationToken), StringComparison.Ordinal);
            var loaded = context.Assemblies.Select(a => a.GetName().Name ?? "").ToList();
            Assert.Contains("AgenticIR.Agents", loaded);
            Assert.DoesNotContain(loaded, name => name.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal)
                || name.StartsWith("OpenAI", StringComparison.Ordinal) || name.StartsWith("Azure.", StringComparison.Ordinal) || name == "AgenticIR.Llm");
        }
        finally
        {
            context.Unload();
        }
    }

    public void Dispose() => _work.Delete(recursive: true);

    // Loads every assembly found beside the tests into this context; the shared framework comes from the default one.
    private sealed class IsolatedContext(string folder) : AssemblyLoadContext("model-free-replay", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(folder, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
