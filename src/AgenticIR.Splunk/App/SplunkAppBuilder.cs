using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using AgenticIR.Core.Policy;

namespace AgenticIR.Splunk.App;

/// <summary>Builds the <c>agentic_ir</c> Splunk app: the folder and a .tgz whose single top-level directory is the app id.</summary>
public sealed class SplunkAppBuilder(GraduationCriteria criteria, TimeProvider time)
{
    /// <summary>App id: folder name and <c>[package] id</c>.</summary>
    public const string AppId = "agentic_ir";

    /// <summary>App version.</summary>
    public const string Version = "1.0.0";

    /// <summary>Every file of the app, keyed by its path inside the app folder (forward slashes).</summary>
    public IReadOnlyDictionary<string, string> Files()
    {
        var dashboards = AgenticIrDashboards.All(criteria);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["README.md"] = AppConfFiles.Readme(AppId, Version),
            ["default/app.conf"] = AppConfFiles.AppConf(AppId, Version),
            ["default/props.conf"] = AppConfFiles.PropsConf(),
            ["default/transforms.conf"] = AppConfFiles.TransformsConf(),
            ["default/indexes.conf"] = AppConfFiles.IndexesConf(Events.Sourcetypes.Index),
            ["default/macros.conf"] = AppConfFiles.MacrosConf(),
            ["default/data/ui/nav/default.xml"] = AppConfFiles.Nav(dashboards),
            ["metadata/default.meta"] = AppConfFiles.DefaultMeta,
        };
        foreach (var dashboard in dashboards)
            files[$"default/data/ui/views/{dashboard.Name}.xml"] = DashboardStudioWriter.ToXml(dashboard);
        return files;
    }

    /// <summary>Writes the app folder <c>{outputDirectory}/agentic_ir</c> (replacing an older one); returns its path.</summary>
    public string WriteFolder(string outputDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var root = Path.Combine(Path.GetFullPath(outputDirectory), AppId);
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        foreach (var (relative, content) in Files())
        {
            var path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        return root;
    }

    /// <summary>Writes the folder and <c>{outputDirectory}/agentic_ir-{version}.tgz</c>; returns the archive's path.</summary>
    public async Task<string> PackageAsync(string outputDirectory, CancellationToken cancellationToken)
    {
        WriteFolder(outputDirectory);
        var archive = Path.Combine(Path.GetFullPath(outputDirectory), $"{AppId}-{Version}.tgz");
        await using var file = File.Create(archive);
        await WriteArchiveAsync(file, cancellationToken);
        return archive;
    }

    /// <summary>Writes the gzip'd tar to a stream: directory entries first, then files, all under <c>agentic_ir/</c>.</summary>
    public async Task WriteArchiveAsync(Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var files = Files();
        var stamp = time.GetUtcNow();
        await using var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
        await using var tar = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: true);
        var directories = files.Keys
            .SelectMany(DirectoriesOf)
            .Append(AppId + "/")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            await tar.WriteEntryAsync(new UstarTarEntry(TarEntryType.Directory, directory)
            {
                Mode = (UnixFileMode)0b111_101_101,
                ModificationTime = stamp,
            }, cancellationToken);
        }
        foreach (var (relative, content) in files)
        {
            var data = new MemoryStream(Encoding.UTF8.GetBytes(content));
            await tar.WriteEntryAsync(new UstarTarEntry(TarEntryType.RegularFile, $"{AppId}/{relative}")
            {
                Mode = (UnixFileMode)0b110_100_100,
                ModificationTime = stamp,
                DataStream = data,
            }, cancellationToken);
        }
    }

    private static IEnumerable<string> DirectoriesOf(string relative)
    {
        var parts = relative.Split('/');
        for (var i = 1; i < parts.Length; i++) yield return $"{AppId}/{string.Join('/', parts[..i])}/";
    }
}
