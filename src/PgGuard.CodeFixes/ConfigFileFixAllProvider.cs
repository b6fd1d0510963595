using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Config;

namespace PgGuard.CodeFixes
{
    /// <summary>
    /// Fix All for findings in configuration files: every diagnostic of the fix's equivalence key located in an additional
    /// document of the project (or solution) is fixed, each file changed once with all its edits. Document scope does not
    /// exist for additional documents in Roslyn 4.8 (<see cref="FixAllContext"/> holds a <see cref="Document"/>).
    /// </summary>
    internal sealed class ConfigFileFixAllProvider : FixAllProvider
    {
        public static readonly ConfigFileFixAllProvider Instance = new ConfigFileFixAllProvider();

        private static readonly FixAllScope[] Scopes = { FixAllScope.Project, FixAllScope.Solution };

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => Scopes;

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var projects = fixAllContext.Scope switch
            {
                FixAllScope.Project => new[] { fixAllContext.Project },
                FixAllScope.Solution => fixAllContext.Solution.Projects.ToArray(),
                _ => Array.Empty<Project>(),
            };

            var solution = fixAllContext.Solution;
            var changed = false;
            foreach (var project in projects)
            {
                var diagnostics = await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                foreach (var group in diagnostics.Where(d => d.Location.Kind == LocationKind.ExternalFile).GroupBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal))
                {
                    var document = project.AdditionalDocuments.FirstOrDefault(d => string.Equals(d.FilePath ?? d.Name, group.Key, StringComparison.Ordinal));
                    if (document is null)
                    {
                        continue;
                    }

                    var text = await document.GetTextAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
                    if (ConfigValueEdits.Read(document.FilePath ?? document.Name, text.ToString()) is not { } edits)
                    {
                        continue;
                    }

                    var changes = Changes(fixAllContext, edits, group);
                    if (!changes.IsEmpty)
                    {
                        solution = solution.WithAdditionalDocumentText(document.Id, text.WithChanges(changes));
                        changed = true;
                    }
                }
            }

            return changed ? CodeAction.Create("Fix all in configuration files", _ => Task.FromResult(solution), fixAllContext.CodeActionEquivalenceKey) : null;
        }

        /// <summary>The edits of the context's key in one file, in order, without two that touch the same characters.</summary>
        private static ImmutableArray<TextChange> Changes(FixAllContext fixAllContext, ConfigValueEdits edits, IEnumerable<Diagnostic> diagnostics)
        {
            var changes = new List<TextChange>();
            foreach (var diagnostic in diagnostics)
            {
                if (fixAllContext.DiagnosticIds.Contains(diagnostic.Id) &&
                    ConnectionStringCodeFixProvider.EquivalenceKey(diagnostic.Id) == fixAllContext.CodeActionEquivalenceKey &&
                    ConfigFileCodeFixProvider.TryCreateEdit(edits, diagnostic, out _, out _, out var edit))
                {
                    changes.Add(edit.Change);
                }
            }

            changes.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
            var result = ImmutableArray.CreateBuilder<TextChange>(changes.Count);
            var end = 0;
            foreach (var edit in changes)
            {
                // Adjacent removals (";B" then ";C") both apply; a second insertion at the same place does not.
                if (edit.Span.Start >= end && (result.Count == 0 || result[result.Count - 1].Span != edit.Span))
                {
                    result.Add(edit);
                    end = edit.Span.End;
                }
            }

            return result.ToImmutable();
        }
    }
}
