using System.Text.Json;
using RadioStudio.Engine.Show;

namespace RadioStudio.Tests.Engine.Show;

/// <summary>Nasty LLM replies from the corpus file through the cleaner, then the trimmer, as the turn pipeline does.</summary>
public sealed class ReplyCorpusTests
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<Dictionary<string, CorpusCase>> Corpus = new(Load);

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var name in Corpus.Value.Keys)
        {
            names.Add(name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void CleanThenTrim_CorpusCase_MatchesExpected(string name)
    {
        var c = Corpus.Value[name];

        var spoken = ThoughtTrimmer.Trim(ReplyCleaner.Clean(c.Input), c.CutOff);

        Assert.Equal(c.Expected, spoken);
    }

    [Fact]
    public void Corpus_File_HasAtLeastThirtyCases() => Assert.True(Corpus.Value.Count >= 30, $"{Corpus.Value.Count} cases");

    private static Dictionary<string, CorpusCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Engine", "Show", "Data", "reply-corpus.json");
        var cases = JsonSerializer.Deserialize<List<CorpusCase>>(File.ReadAllText(path), JsonOptions)!;
        return cases.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    private sealed record CorpusCase(string Name, string Input, string Expected, bool CutOff = false);
}
