using System.ComponentModel.DataAnnotations;
using RadioStudio.Engine.Audio.Media;

namespace RadioStudio.Engine.Show.Turns;

/// <summary>How AI callers take turns (section <c>AiCallers</c>). Defaults follow the show spec.</summary>
public sealed class AiCallerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "AiCallers";

    /// <summary>Auto mode: quiet time after the end of someone's turn before the AI may jump in.</summary>
    [Range(0, 10)]
    public double RespondDebounceSeconds { get; set; } = 1.5;

    /// <summary>Auto mode: least time between the end of one AI turn and the start of the next.</summary>
    [Range(0, 60)]
    public double CooldownSeconds { get; set; } = 5;

    /// <summary>Messages of the conversation sent to the model (the spec's ~10).</summary>
    [Range(2, 50)]
    public int MessageWindow { get; set; } = 10;

    /// <summary>Chance that an AI call reacts to an earlier caller (rolled once per call).</summary>
    [Range(0, 1)]
    public double ReactionChance { get; set; } = 0.2;

    /// <summary>
    /// Manual mode with only the host and the AI caller on air: the host's typed line or push-to-talk turn gets the
    /// AI's reply without pressing Let them respond. With phone callers on air, Let them respond still hands over.
    /// </summary>
    public bool ManualRepliesOneToOne { get; set; } = true;

    /// <summary>A phone caller talking over the AI also stops it (the host always does).</summary>
    public bool PhoneCallersBargeIn { get; set; }

    /// <summary>The host's studio mic is always listened to (true), or only while push-to-talk is held (false).</summary>
    public bool OpenMic { get; set; }

    /// <summary>Phone-line colouring of AI voices; null or "off" for a clean voice.</summary>
    public PhoneLinePreset? VoiceFilter { get; set; } = PhoneLinePreset.Normal;

    /// <summary>Seconds a whole AI turn may take before it is abandoned with the in-character fallback line.</summary>
    [Range(2, 120)]
    public double TurnTimeoutSeconds { get; set; } = 30;

    /// <summary>Said in character when the model or voice fails.</summary>
    [Required(AllowEmptyStrings = false)]
    public string FallbackLine { get; set; } = "Sorry, I blanked for a second there — what were you saying?";
}
