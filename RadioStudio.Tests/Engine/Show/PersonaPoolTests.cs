using System.Text.Json.Nodes;
using RadioStudio.Engine.Show;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Show;

public sealed class PersonaPoolTests
{
    private static string ShippedPath => PersonaPool.PathFor(new ShowOptions());

    [Fact]
    public void Load_ShippedEnUs_HasGenerousPools()
    {
        var pool = PersonaPool.Load(new ShowOptions());

        Assert.Equal("en-US", pool.Locale);
        Assert.True(pool.FemaleNames.Length >= 40 && pool.MaleNames.Length >= 40, "names");
        Assert.True(pool.Towns.Length >= 40, "towns");
        Assert.True(pool.Jobs.Length >= 40, "jobs");
        Assert.True(pool.Problems.Length >= 30, "problems");
        Assert.True(pool.Topics.Length >= 20, "topics");
        Assert.NotEmpty(pool.Drinks);
        Assert.NotEmpty(pool.Seasons);
    }

    [Fact]
    public void Load_MissingPool_ErrorNamesFileAndPool()
    {
        using var dir = new TempDirectory();
        var json = JsonNode.Parse(File.ReadAllText(ShippedPath))!.AsObject();
        json.Remove("towns");
        var path = Path.Combine(dir.Path, "personas.xx.json");
        File.WriteAllText(path, json.ToJsonString());

        var ex = Assert.Throws<InvalidDataException>(() => PersonaPool.Load(path));

        Assert.Equal($"Persona file '{path}': pool 'towns' is missing or empty.", ex.Message);
    }

    [Fact]
    public void Load_EmptyNestedPool_ErrorNamesPool()
    {
        using var dir = new TempDirectory();
        var json = JsonNode.Parse(File.ReadAllText(ShippedPath))!.AsObject();
        json["names"]!["male"] = new JsonArray("  ");
        var path = Path.Combine(dir.Path, "personas.xx.json");
        File.WriteAllText(path, json.ToJsonString());

        var ex = Assert.Throws<InvalidDataException>(() => PersonaPool.Load(path));

        Assert.Contains("pool 'names.male' is missing or empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadJson_ErrorNamesFile()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "broken.json");
        File.WriteAllText(path, "{ \"towns\": [");

        var ex = Assert.Throws<InvalidDataException>(() => PersonaPool.Load(path));

        Assert.StartsWith($"Persona file '{path}' is not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownLocale_FileNotFoundNamesPath()
    {
        using var dir = new TempDirectory();

        var ex = Assert.Throws<FileNotFoundException>(() => PersonaPool.Load(new ShowOptions { Locale = "fr-CA" }, dir.Path));

        Assert.Contains(Path.Combine(dir.Path, "Show", "Data", "personas.fr-CA.json"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PathFor_PersonaFileOverride_Wins() =>
        Assert.Equal(Path.GetFullPath("my-personas.json"), PersonaPool.PathFor(new ShowOptions { PersonaFile = "my-personas.json" }));
}
