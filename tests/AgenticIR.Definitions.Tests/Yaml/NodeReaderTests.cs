using AgenticIR.Core.Response;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Tests.Yaml;

public sealed class NodeReaderTests
{
    private static (NodeReader Reader, YamlMap Map) Parse(string yaml)
    {
        var reader = new NodeReader("test.yaml");
        var root = YamlDocumentReader.Parse(yaml, reader);
        Assert.NotNull(root);
        return (reader, reader.Root(root)!);
    }

    [Fact]
    public void AllowOnly_MisspeltKey_ReportsLineColumnFieldAndSuggestion()
    {
        var (r, map) = Parse("outer:\n  max_steps: 1\n  max_stpes: 2\n");
        var outer = r.RequireMap(map, "outer")!;

        r.AllowOnly(outer, "max_steps", "max_api_calls");

        var error = Assert.Single(r.Errors);
        Assert.Equal(new DefinitionError("test.yaml", 3, 3, "outer.max_stpes",
            "unknown key 'max_stpes'; did you mean 'max_steps'? (allowed: max_steps, max_api_calls)"), error);
    }

    [Fact]
    public void RequireInt_QuotedNumber_IsATypeError()
    {
        var (r, map) = Parse("n: \"20\"\n");

        Assert.Null(r.RequireInt(map, "n", 0, 100));

        Assert.Equal("expected an integer, got '20'", Assert.Single(r.Errors).Message);
    }

    [Theory]
    [InlineData("n: -1", "must not be negative, got -1")]
    [InlineData("n: 101", "must be between 0 and 100, got 101")]
    [InlineData("n: 2.5", "expected an integer, got '2.5'")]
    [InlineData("n: [1]", "expected an integer, got a list")]
    [InlineData("n:", "a value is required")]
    [InlineData("m: 1", "missing required key 'n'")]
    public void RequireInt_BadValue_ReportsWhy(string yaml, string message)
    {
        var (r, map) = Parse(yaml);

        Assert.Null(r.RequireInt(map, "n", 0, 100));

        Assert.Equal(message, Assert.Single(r.Errors).Message);
    }

    [Theory]
    [InlineData("x: 0", "must be in (0, 1], got 0")]
    [InlineData("x: -0.5", "must not be negative, got -0.5")]
    [InlineData("x: .nan", "expected a number, got '.nan'")]
    public void RequireNumber_OutOfRange_ReportsInterval(string yaml, string message)
    {
        var (r, map) = Parse(yaml);

        Assert.Null(r.RequireNumber(map, "x", NumberRange.PositiveFraction));

        Assert.Equal(message, Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void RequireBool_YamlOneOneYes_IsRejected()
    {
        var (r, map) = Parse("b: yes\n");

        Assert.Null(r.RequireBool(map, "b"));

        Assert.Equal("expected true or false, got 'yes'", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void RequireEnum_SnakeCaseName_ParsesAndUnknownListsAllowed()
    {
        var (r, map) = Parse("a: require_senior_approval\nb: later\n");

        Assert.Equal(ApprovalClass.RequireSeniorApproval, r.RequireEnum<ApprovalClass>(map, "a"));
        Assert.Null(r.RequireEnum<ApprovalClass>(map, "b"));

        Assert.Equal("'later' is not one of: auto_approve, require_approval, require_senior_approval", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void RequireStringList_Duplicate_ReportsIndexedField()
    {
        var (r, map) = Parse("l:\n  - a\n  - b\n  - a\n");

        Assert.Null(r.RequireStringList(map, "l"));

        var error = Assert.Single(r.Errors);
        Assert.Equal(("l[2]", 4, "'a' is listed twice"), (error.Field, error.Line, error.Message));
    }

    [Fact]
    public void Parse_DuplicateKey_IsASyntaxErrorAtTheSecondKey()
    {
        var reader = new NodeReader("test.yaml");

        Assert.Null(YamlDocumentReader.Parse("a: 1\nb: 2\na: 3\n", reader));

        var error = Assert.Single(reader.Errors);
        Assert.Equal((3, "(syntax)"), (error.Line, error.Field));
        Assert.Contains("Duplicate key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyText_ReportsEmptyFile()
    {
        var reader = new NodeReader("test.yaml");

        Assert.Null(YamlDocumentReader.Parse("# only a comment\n", reader));

        Assert.Equal("file is empty", Assert.Single(reader.Errors).Message);
    }

    [Fact]
    public void Reads_SeveralProblems_AreAllCollectedInFileOrder()
    {
        var (r, map) = Parse("a: x\nb: -3\nc: maybe\nextra: 1\n");

        r.AllowOnly(map, "a", "b", "c");
        r.RequireInt(map, "a", 0, 10);
        r.RequireInt(map, "b", 0, 10);
        r.RequireBool(map, "c");

        Assert.Equal(["a", "b", "c", "extra"], r.Errors.Select(e => e.Field));
    }

    [Fact]
    public void AsOneOrMany_SingleValueOrList_ReadsBothWithFieldPaths()
    {
        var (r, map) = Parse("one: a\nmany: [b, c]\nnone: []\n");

        var one = r.AsOneOrMany(map.Get("one")!, "one");
        var many = r.AsOneOrMany(map.Get("many")!, "many");
        var none = r.AsOneOrMany(map.Get("none")!, "none");

        Assert.Equal(["one"], one!.Select(i => i.Field));
        Assert.Equal(["many[0]", "many[1]"], many!.Select(i => i.Field));
        Assert.Null(none);
        Assert.Equal(("none", "the list must not be empty"), (Assert.Single(r.Errors).Field, r.Errors[0].Message));
    }

    [Fact]
    public void AsMapAllowing_UnknownKeyOrNotAMap_ReportsEach()
    {
        var (r, map) = Parse("m:\n  a: 1\n  bb: 2\nl: [1]\n");

        Assert.NotNull(r.AsMapAllowing(map.Get("m")!, "m", "a", "b"));
        Assert.Null(r.AsMapAllowing(map.Get("l")!, "l", "a"));

        Assert.Equal(
            [("m.bb", 3, "unknown key 'bb'; did you mean 'b'? (allowed: a, b)"), ("l", 4, "expected a map, got a list")],
            r.Errors.Select(e => (e.Field, e.Line, e.Message)));
    }
}
