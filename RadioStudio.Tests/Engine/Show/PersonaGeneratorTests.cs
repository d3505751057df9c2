using RadioStudio.Engine.Show;
using RadioStudio.Engine.Speech;

namespace RadioStudio.Tests.Engine.Show;

public sealed class PersonaGeneratorTests
{
    private static readonly Lazy<PersonaPool> Pool = new(() => PersonaPool.Load(new ShowOptions()));

    private static readonly VoiceInfo[] Voices =
    [
        .. Enumerable.Range(1, 6).Select(i => new VoiceInfo($"f{i}", $"Female {i}", VoiceGender.Female)),
        .. Enumerable.Range(1, 6).Select(i => new VoiceInfo($"m{i}", $"Male {i}", VoiceGender.Male)),
    ];

    private static readonly HashSet<string> NoNames = [];

    [Fact]
    public void DrawBoard_TenSlots_AlternateGenderWithSpreadAges()
    {
        var board = new PersonaGenerator(Pool.Value).DrawBoard(10, Voices, NoNames, new Random(1));

        Assert.Equal(10, board.Count);
        for (var slot = 0; slot < 10; slot++)
        {
            Assert.Equal(slot % 2 == 0 ? VoiceGender.Female : VoiceGender.Male, board[slot].Gender);
            var job = Pool.Value.Jobs.Single(j => j.Title == board[slot].Job);
            Assert.InRange(board[slot].Age, job.MinAge, job.MaxAge);
        }

        for (var slot = 0; slot < 10; slot++)
        {
            var (min, max) = PersonaGenerator.AgeBandForSlot(slot);
            Assert.InRange(board[slot].Age, min, max);
        }

        Assert.Equal(5, board.Where(p => p.Gender == VoiceGender.Female).Select(p => Math.Min(p.Age / 10, 6)).Distinct().Count());
        Assert.Equal(5, board.Where(p => p.Gender == VoiceGender.Male).Select(p => Math.Min(p.Age / 10, 6)).Distinct().Count());
    }

    [Fact]
    public void DrawBoard_TenSlots_NoRepeatedNamesOrVoices()
    {
        var board = new PersonaGenerator(Pool.Value).DrawBoard(10, Voices, NoNames, new Random(2));

        Assert.Equal(10, board.Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(10, board.Select(p => p.Voice).Distinct().Count());
        Assert.All(board, p => Assert.Equal(p.Gender, Voices.Single(v => v.Id == p.Voice).Gender));
        Assert.All(board, p => Assert.DoesNotContain(p.People, person => person.StartsWith(p.Name + ",", StringComparison.Ordinal)));
    }

    [Fact]
    public void DrawBoard_FewerVoicesThanSlots_ReusesEvenly()
    {
        VoiceInfo[] voices = [new("f1", "F1", VoiceGender.Female), new("f2", "F2", VoiceGender.Female), new("m1", "M1", VoiceGender.Male)];

        var board = new PersonaGenerator(Pool.Value).DrawBoard(10, voices, NoNames, new Random(3));

        Assert.Equal(["f1", "f1", "f1", "f2", "f2"], board.Where(p => p.Gender == VoiceGender.Female).Select(p => p.Voice!).Order());
        Assert.All(board.Where(p => p.Gender == VoiceGender.Male), p => Assert.Equal("m1", p.Voice));
    }

    [Fact]
    public void DrawBoard_NoVoices_LeavesVoiceNull() =>
        Assert.All(new PersonaGenerator(Pool.Value).DrawBoard(4, [], NoNames, new Random(4)), p => Assert.Null(p.Voice));

    [Fact]
    public void DrawBoard_ExcludedNames_AreNotUsed()
    {
        var excluded = Pool.Value.FemaleNames.Take(40).Concat(Pool.Value.MaleNames.Take(40)).Select(n => n.ToUpperInvariant()).ToHashSet();

        var board = new PersonaGenerator(Pool.Value).DrawBoard(10, Voices, excluded, new Random(5));

        Assert.All(board, p => Assert.DoesNotContain(p.Name.ToUpperInvariant(), excluded));
    }

    [Fact]
    public void DrawBoard_SameSeed_SameBoard()
    {
        var generator = new PersonaGenerator(Pool.Value);

        var first = generator.DrawBoard(10, Voices, NoNames, new Random(6));
        var second = generator.DrawBoard(10, Voices, NoNames, new Random(6));

        Assert.Equal(first.Select(Describe), second.Select(Describe));
    }

    [Fact]
    public void DrawBoard_Persona_HasDetailCountsInRange()
    {
        var board = new PersonaGenerator(Pool.Value).DrawBoard(40, Voices, NoNames, new Random(7));

        Assert.All(board, p =>
        {
            Assert.InRange(p.Interests.Length, 2, 4);
            Assert.InRange(p.Quirks.Length, 1, 2);
            Assert.InRange(p.People.Length, 1, 3);
            Assert.InRange(p.VerbalHabits.Length, 1, 2);
            Assert.Equal(4, p.Grounding.Length);
            Assert.NotEmpty(p.EmotionalArc);
            Assert.NotEmpty(p.RelationshipToShow);
            Assert.Contains(p.Reason, p.IsProblem ? Pool.Value.Problems : Pool.Value.Topics);
        });
        Assert.InRange(board.Count(p => p.IsProblem), 20, 36);
    }

    [Fact]
    public void Draw_Replacement_AvoidsNamesAndVoicesOnBoard()
    {
        var generator = new PersonaGenerator(Pool.Value);
        var board = generator.DrawBoard(10, Voices, NoNames, new Random(8));
        var unusedFemale = Voices.Where(v => v.Gender == VoiceGender.Female).Select(v => v.Id).Except(board.Select(p => p.Voice!)).Single();

        var replacement = generator.Draw(4, board, Voices, NoNames, new Random(9));

        Assert.Equal(VoiceGender.Female, replacement.Gender);
        Assert.DoesNotContain(replacement.Name, board.Select(p => p.Name));
        Assert.Equal(unusedFemale, replacement.Voice);
    }

    private static string Describe(Persona p) =>
        string.Join("|", p.Name, p.Age, p.Job, p.Town, p.Reason, p.Voice, string.Join(",", p.Interests), string.Join(",", p.People), string.Join(",", p.Grounding));
}
