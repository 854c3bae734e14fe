using System.Text.RegularExpressions;

namespace EscalationFlows.Escalations.Context;

/// <summary>
/// Splits an entry's text into sentences: at line breaks and after sentence punctuation followed by a space. Each
/// sentence is whitespace-normalised and stripped of list bullets, so it stays a verbatim piece of the entry's
/// normalised text (the extractive summary quotes, it never rewrites what was said).
/// </summary>
internal static partial class SentenceSplitter
{
    public static List<string> Split(string text)
    {
        var sentences = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var normalized = TextTokens.Normalize(line);
            foreach (var part in SentenceEnd().Split(normalized))
            {
                var sentence = part.TrimStart('-', '*', '•', '>', ' ').TrimEnd();
                if (sentence.Length > 0)
                {
                    sentences.Add(sentence);
                }
            }
        }

        return sentences;
    }

    [GeneratedRegex(@"(?<=[.!?。！？])\s+(?=\S)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SentenceEnd();
}
