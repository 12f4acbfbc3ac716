namespace AgenticIR.Definitions.Tests.Yaml;

/// <summary>Errors as <c>file:line:column: field: message</c> with the file name only, the form the corpus pins.</summary>
internal static class ErrorLines
{
    public static string[] Of(IEnumerable<DefinitionError> errors) =>
        [.. errors.Select(e => $"{Path.GetFileName(e.File)}:{e.Line}:{e.Column}: {e.Field}: {e.Message}")];

    public static string[] Expected(string expectedFile) =>
        [.. File.ReadAllLines(expectedFile).Where(l => l.Length > 0 && !l.StartsWith('#'))];
}
