using System.Security.Cryptography;
using System.Text;
using AgenticIR.Core.Soar;
using AgenticIR.Definitions.Playbooks;

namespace AgenticIR.Worker.Commands.Playbooks;

/// <summary>A new text for config/playbooks.yaml, validated as a sibling copy (the same loader and instance check the
/// worker and <c>validate</c> use) before it may replace the file; the file is replaced only if it did not change since.</summary>
internal sealed class PlaybooksFileWriter
{
    private readonly string _path;
    private readonly string _text;

    private PlaybooksFileWriter(string path, string text, PlaybookCatalog? catalog, IReadOnlyList<string> errors, string oldHash)
    {
        _path = path;
        _text = text;
        Catalog = catalog;
        Errors = errors;
        OldHash = oldHash;
    }

    /// <summary>The catalog the new text gives; null when it does not validate.</summary>
    public PlaybookCatalog? Catalog { get; }

    /// <summary>Every error, as <c>file:line:column field: message</c> against the real path.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>SHA-256 of the file as it was read (empty when there was none).</summary>
    public string OldHash { get; }

    public static async Task<PlaybooksFileWriter> TryPrepareAsync(string path, string? text, string? editError, SoarInstanceSet instances, CancellationToken cancellationToken)
    {
        var oldHash = File.Exists(path) ? HashOf(await File.ReadAllBytesAsync(path, cancellationToken)) : "";
        if (text is null) return new PlaybooksFileWriter(path, "", null, [$"{path}:0:0: (file): {editError}"], oldHash);
        var pending = PendingPath(path);
        try
        {
            await File.WriteAllTextAsync(pending, text, cancellationToken);
            var (catalog, errors) = PlaybookCatalogLoader.TryLoad(pending);
            var all = errors.Concat(catalog is null ? [] : PlaybookInstanceCheck.Check(pending, instances))
                .Select(e => e.ToString().Replace(pending, path, StringComparison.Ordinal)).ToList();
            return new PlaybooksFileWriter(path, text, all.Count == 0 ? catalog : null, all, oldHash);
        }
        finally
        {
            File.Delete(pending);
        }
    }

    /// <summary>Replaces the file (atomically, by rename) and returns the new hash.</summary>
    /// <exception cref="IOException">The file changed since it was read.</exception>
    public async Task<string> CommitAsync(CancellationToken cancellationToken)
    {
        if (Catalog is null) throw new InvalidOperationException("the new text did not validate");
        var onDisk = File.Exists(_path) ? HashOf(await File.ReadAllBytesAsync(_path, cancellationToken)) : "";
        if (onDisk != OldHash) throw new IOException($"{_path} changed while the edit was prepared; run the command again");
        var pending = PendingPath(_path);
        await File.WriteAllTextAsync(pending, _text, cancellationToken);
        File.Move(pending, _path, overwrite: true);
        return HashOf(Encoding.UTF8.GetBytes(_text));
    }

    private static string PendingPath(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileNameWithoutExtension(path)}.{Guid.NewGuid():N}.pending.yaml");

    private static string HashOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
