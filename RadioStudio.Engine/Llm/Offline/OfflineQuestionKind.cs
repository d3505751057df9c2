namespace RadioStudio.Engine.Llm.Offline;

/// <summary>
/// One kind of question the offline caller answers in kind: a case-insensitive .NET pattern tried on the host's
/// last question (leading "so", "okay" and the like removed); an optional <c>subject</c> group names who the
/// question is about ("how did <c>your family</c> react").
/// </summary>
public sealed record OfflineQuestionKind(string Kind, string Pattern);
