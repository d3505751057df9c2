namespace RadioStudio.Engine.Export;

/// <summary>The steps of a show's export.</summary>
public enum ExportPhase
{
    /// <summary>Waiting (at most 30 s) for the call summaries the chapters are titled from.</summary>
    WaitingForSummaries,

    /// <summary>Writing the transcripts, chapters and notes.</summary>
    WritingTranscripts,

    /// <summary>Measuring and rendering the podcast master.</summary>
    RenderingMaster,

    /// <summary>Compressing the show's stems to FLAC (<c>Audio:StemFormat=Flac</c>); the episode is ready.</summary>
    CompressingStems,

    /// <summary>Every file is written.</summary>
    Done,

    /// <summary>The text files are written; the master could not be (no stems, or ffmpeg failed).</summary>
    NoMaster,
}
