using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Analyzers
{
    /// <summary>
    /// Models of <c>NpgsqlConnectionStringBuilder</c> objects built in code: the constructor's string, the object
    /// initializer, and assignments to a local holding the builder in the same body, in source order (later wins).
    /// </summary>
    internal static class BuilderModels
    {
        public static ParsedConnectionString? Build(IObjectCreationOperation creation, CancellationToken cancellationToken, out bool isComplete) =>
            Build(creation, cancellationToken, out isComplete, out _);

        /// <summary>Also returns the statements that assign the builder's properties after its creation.</summary>
        public static ParsedConnectionString? Build(
            IObjectCreationOperation creation,
            CancellationToken cancellationToken,
            out bool isComplete,
            out ImmutableArray<ISimpleAssignmentOperation> statements)
        {
            var settings = new List<ConnectionStringSetting>();
            LocatedText? text = null;
            int? syntaxError = null;
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == "connectionString" && argument.ArgumentKind != ArgumentKind.DefaultValue &&
                    CSharpLocatedText.Build(argument.Value, cancellationToken) is { } located)
                {
                    var parsed = ConnectionStringParser.Parse(located);
                    text = located;
                    syntaxError = parsed.SyntaxErrorIndex;
                    settings.AddRange(parsed.Settings);
                }
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation assignment)
                    {
                        text = AddSetting(assignment, settings, cancellationToken) ?? text;
                    }
                }
            }

            isComplete = true;
            statements = ImmutableArray<ISimpleAssignmentOperation>.Empty;
            if (DeclaredLocal(creation) is { } local)
            {
                var body = Root(creation);
                var assignments = new List<ISimpleAssignmentOperation>();
                foreach (var operation in body.Descendants())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    {
                        if (reference.Parent is IPropertyReferenceOperation { Parent: ISimpleAssignmentOperation assignment } property &&
                            ReferenceEquals(assignment.Target, property))
                        {
                            assignments.Add(assignment);
                        }
                        else if (Escapes(reference))
                        {
                            // Handed to other code that may set more: rules about a missing setting stay silent.
                            isComplete = false;
                        }
                    }
                }

                statements = assignments.OrderBy(a => a.Syntax.SpanStart).ToImmutableArray();
                foreach (var assignment in statements)
                {
                    text = AddSetting(assignment, settings, cancellationToken) ?? text;
                }
            }

            if (settings.Count == 0)
            {
                return null;
            }

            // Settings of several texts (constructor string and ConnectionString assignments) cannot share one LocatedText;
            // the model keeps the last text, and code settings carry their own locations.
            return new ParsedConnectionString(text, settings.ToImmutableArray(), syntaxError);
        }

        /// <summary>The <c>new NpgsqlConnectionStringBuilder(…)</c> that initialises <paramref name="local"/>, in the same tree.</summary>
        public static IObjectCreationOperation? CreationOf(ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == model.SyntaxTree &&
                    reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value } &&
                    model.GetOperation(value, cancellationToken) is IObjectCreationOperation creation)
                {
                    return creation;
                }
            }

            return null;
        }

        /// <summary>A local assigned from <c>new NpgsqlConnectionStringBuilder(…)</c> in its declaration.</summary>
        public static bool IsLocalBuilder(ILocalSymbol local, INamedTypeSymbol? builder)
        {
            if (!SymbolEqualityComparer.Default.Equals(local.Type.OriginalDefinition, builder))
            {
                return false;
            }

            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Adds the setting one builder assignment makes (typed property, string indexer, or <c>ConnectionString</c>).
        /// Returns the located text when the assignment set a whole connection string.
        /// </summary>
        public static LocatedText? AddSetting(ISimpleAssignmentOperation assignment, List<ConnectionStringSetting> settings, CancellationToken cancellationToken)
        {
            if (assignment.Target is not IPropertyReferenceOperation property)
            {
                return null;
            }

            var value = assignment.Value;
            if (property.Property.Name == "ConnectionString")
            {
                // Setting ConnectionString clears the builder, then applies the pairs.
                settings.Clear();
                if (CSharpLocatedText.Build(value, cancellationToken) is { } located)
                {
                    settings.AddRange(ConnectionStringParser.Parse(located).Settings);
                    return located;
                }

                return null;
            }

            NpgsqlKeyword? keyword;
            string key;
            Location keyLocation;
            if (property.Property.IsIndexer)
            {
                if (property.Arguments.Length != 1 || property.Arguments[0].Value.ConstantValue.Value is not string indexKey)
                {
                    return null;
                }

                key = indexKey.Trim();
                keyword = NpgsqlKeywords.Find(indexKey);
                keyLocation = property.Arguments[0].Syntax.GetLocation();
            }
            else
            {
                key = property.Property.Name;
                keyword = NpgsqlKeywords.FindByProperty(key);
                keyLocation = property.Syntax is MemberAccessExpressionSyntax access ? access.Name.GetLocation() : property.Syntax.GetLocation();
            }

            if (keyword is null)
            {
                return null;
            }

            var (text, hasHole) = ValueText(value, keyword);
            var origin = new CodeOrigin(keyLocation, Unwrap(value).Syntax.GetLocation(), assignment.Syntax.GetLocation());
            settings.Add(new ConnectionStringSetting(key, keyword, text, default, default, default, QuoteKind.None, keyHasHole: false, valueHasHole: hasHole, conversionError: null, origin: origin));
            return null;
        }

        private static (string? Text, bool HasHole) ValueText(IOperation value, NpgsqlKeyword keyword)
        {
            var constant = Unwrap(value).ConstantValue;
            if (!constant.HasValue)
            {
                constant = value.ConstantValue;
            }

            if (!constant.HasValue)
            {
                return (LocatedText.HoleChar.ToString(), true);
            }

            switch (constant.Value)
            {
                case null:
                    return (null, false);
                case string s:
                    return (s, false);
                case bool b:
                    return (b ? "True" : "False", false);
                case int i when keyword.Type == KeywordType.Enum:
                    foreach (var member in keyword.EnumMembers)
                    {
                        if (member.Value == i)
                        {
                            return (member.Name, false);
                        }
                    }

                    return (i.ToString(CultureInfo.InvariantCulture), false);
                case System.IFormattable number:
                    return (number.ToString(null, CultureInfo.InvariantCulture), false);
                default:
                    return (LocatedText.HoleChar.ToString(), true);
            }
        }

        private static IOperation Unwrap(IOperation value)
        {
            while (value is IConversionOperation conversion && conversion.IsImplicit)
            {
                value = conversion.Operand;
            }

            return value;
        }

        private static ILocalSymbol? DeclaredLocal(IObjectCreationOperation creation)
        {
            var parent = creation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
        }

        private static IOperation Root(IOperation operation)
        {
            while (operation.Parent is not null)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        /// <summary>A reference through which other code could change the builder: an argument, a return, a store.</summary>
        private static bool Escapes(ILocalReferenceOperation reference)
        {
            var parent = reference.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent switch
            {
                IArgumentOperation argument => !IsNpgsqlConsumer(argument),
                IReturnOperation => true,
                ISimpleAssignmentOperation assignment => ReferenceEquals(assignment.Value, reference),
                IVariableInitializerOperation => true,
                IAnonymousFunctionOperation => true,
                _ => false,
            };
        }

        /// <summary><c>NpgsqlDataSource.Create(builder)</c> and friends read the builder; they do not add settings to it.</summary>
        private static bool IsNpgsqlConsumer(IArgumentOperation argument)
        {
            var target = argument.Parent switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                _ => null,
            };
            return target?.ContainingNamespace?.Name == "Npgsql";
        }
    }
}
