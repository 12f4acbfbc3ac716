namespace AgenticIR.Definitions.Tests;

/// <summary>A temporary folder deleted when the test ends, for definition files a test edits.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "agenticir-defs-" + Guid.NewGuid().ToString("N"));

    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>Copies every file of <paramref name="source"/> into <paramref name="relativePath"/>.</summary>
    public string CopyFolder(string source, string relativePath)
    {
        var target = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        return target;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
