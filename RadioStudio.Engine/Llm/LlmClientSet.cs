using Microsoft.Extensions.AI;

namespace RadioStudio.Engine.Llm;

/// <summary>One configuration's chains, swapped as a whole by <see cref="LlmClients.Reconfigure"/>.</summary>
internal sealed record LlmClientSet(LlmOptions Options, IChatClient Dialogue, IChatClient Utility, bool IsOffline, string Label);
