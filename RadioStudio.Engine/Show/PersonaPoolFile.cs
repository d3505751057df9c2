namespace RadioStudio.Engine.Show;

/// <summary>The JSON shape of a persona data file; <see cref="PersonaPool"/> validates it.</summary>
internal sealed class PersonaPoolFile
{
    public string? Locale { get; set; }
    public NamesSection? Names { get; set; }
    public List<string>? Towns { get; set; }
    public List<JobEntry>? Jobs { get; set; }
    public List<string>? Problems { get; set; }
    public List<string>? Topics { get; set; }
    public List<string>? Interests { get; set; }
    public List<string>? Quirks { get; set; }
    public List<RelationEntry>? Relations { get; set; }
    public List<string>? VerbalHabits { get; set; }
    public List<string>? EmotionalArcs { get; set; }
    public List<string>? RelationshipsToShow { get; set; }
    public GroundingSection? Grounding { get; set; }

    internal sealed class NamesSection
    {
        public List<string>? Female { get; set; }
        public List<string>? Male { get; set; }
    }

    internal sealed class JobEntry
    {
        public string? Title { get; set; }
        public int MinAge { get; set; }
        public int MaxAge { get; set; }
    }

    internal sealed class RelationEntry
    {
        public string? Label { get; set; }
        public string? Gender { get; set; }
    }

    internal sealed class GroundingSection
    {
        public List<string>? Drinks { get; set; }
        public List<string>? Vehicles { get; set; }
        public List<string>? TimeOfNight { get; set; }
        public List<string>? Seasons { get; set; }
    }
}
