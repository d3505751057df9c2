namespace RadioStudio.Engine.Screening;

/// <summary>
/// A caller's screened fields with who set them: a field the human screener has edited is never overwritten
/// by the AI screener, and an empty extraction never clears a known value.
/// </summary>
/// <param name="Name">The name on the card.</param>
/// <param name="Topic">The topic on the card.</param>
/// <param name="Summary">The AI's one-line summary for the host.</param>
/// <param name="NameByHuman">The human screener edited the name.</param>
/// <param name="TopicByHuman">The human screener edited the topic.</param>
public sealed record ScreeningFields(string? Name, string? Topic, string? Summary, bool NameByHuman = false, bool TopicByHuman = false)
{
    /// <summary>Nothing known yet.</summary>
    public static ScreeningFields Empty { get; } = new(null, null, null);

    /// <summary>Name and topic both known: the caller counts as Screened.</summary>
    public bool Complete => !string.IsNullOrWhiteSpace(Name) && !string.IsNullOrWhiteSpace(Topic);

    /// <summary>The AI's extraction merged in: only fields it found, and never over a human's edit.</summary>
    public ScreeningFields Merge(ScreeningExtraction extraction)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        return this with
        {
            Name = NameByHuman || Blank(extraction.Name) ? Name : Clean(extraction.Name!),
            Topic = TopicByHuman || Blank(extraction.Topic) ? Topic : Clean(extraction.Topic!),
            Summary = Blank(extraction.Summary) ? Summary : extraction.Summary!.Trim(),
        };
    }

    /// <summary>A human edit: the edited fields are the human's from now on (null = not edited).</summary>
    public ScreeningFields EditedByHuman(string? name, string? topic) => this with
    {
        Name = name is null ? Name : Blank(name) ? null : name.Trim(),
        Topic = topic is null ? Topic : Blank(topic) ? null : topic.Trim(),
        NameByHuman = NameByHuman || name is not null,
        TopicByHuman = TopicByHuman || topic is not null,
    };

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value) || value.Trim().Equals("null", StringComparison.OrdinalIgnoreCase);

    private static string Clean(string value)
    {
        var trimmed = value.Trim().Trim('"', '.', ' ');
        return trimmed.Length <= 200 ? trimmed : trimmed[..200];
    }
}
