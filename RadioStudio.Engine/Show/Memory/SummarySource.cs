namespace RadioStudio.Engine.Show.Memory;

/// <summary>How a call's summary was written (column <c>call_records.summary_source</c>: 'llm' or 'extractive').</summary>
public enum SummarySource
{
    /// <summary>Written by the language model from the whole exchange.</summary>
    Llm,

    /// <summary>Offline: the caller's first substantive sentences, labelled as such.</summary>
    Extractive,
}
