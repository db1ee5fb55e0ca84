#include "param_text.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>
#include <cmath>

namespace sdlab::widgets {

namespace {

/// tr() context for the free functions below.
class InspectorText {
    Q_DECLARE_TR_FUNCTIONS(sdlab::widgets::InspectorText)
};

} // namespace

QString formatNumber(double value) {
    if (value == 0) return QStringLiteral("0"); // not "-0"
    // 12 significant digits hide binary noise (0.1 + 0.2) yet keep every value people type.
    return QLocale::c().toString(value, 'g', 12);
}

QString formatJsonNumber(const model::Json& value) {
    if (value.is_number_integer()) return QString::number(value.get<long long>());
    if (value.is_number()) return formatNumber(value.get<double>());
    return {};
}

std::optional<double> parseNumber(const QString& text) {
    QString t = text.trimmed();
    if (t.isEmpty()) return std::nullopt;
    // A decimal comma is what half the room types; no number here has a group separator.
    if (!t.contains(QLatin1Char('.'))) t.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double v = QLocale::c().toDouble(t, &ok);
    if (!ok || !std::isfinite(v)) return std::nullopt;
    return v;
}

model::Json numberJson(double value, bool integer) {
    constexpr double limit = 9.0e15; // beyond this a double has no fractional part to lose
    if (integer && value == std::floor(value) && std::abs(value) < limit)
        return model::Json(static_cast<long long>(value));
    return model::Json(value);
}

bool hasUnlimited(const model::ParamSpec& spec) {
    return spec.kind == model::ParamKind::Integer && spec.min == -1;
}

QString unlimitedText() {
    return InspectorText::tr("unlimited");
}

bool meansUnlimited(const QString& text) {
    const QString t = text.trimmed();
    return t.compare(unlimitedText(), Qt::CaseInsensitive) == 0 ||
           t.compare(QLatin1String("unlimited"), Qt::CaseInsensitive) == 0 ||
           t == QLatin1String("-1");
}

bool startsUnlimited(const QString& text) {
    const QString t = text.trimmed();
    return !t.isEmpty() && (unlimitedText().startsWith(t, Qt::CaseInsensitive) ||
                            QStringLiteral("unlimited").startsWith(t, Qt::CaseInsensitive));
}

QString asSentence(const QString& reason) {
    QString s = reason.trimmed();
    if (s.isEmpty()) return s;
    s[0] = s[0].toUpper();
    if (!QStringLiteral(".!?").contains(s.back())) s += QLatin1Char('.');
    return s;
}

QString schemaText(const std::string& text) {
    return QCoreApplication::translate("sdlab::model", text.c_str());
}

bool isShare(const model::ParamSpec& spec) {
    return spec.kind == model::ParamKind::Number && spec.min == 0 && spec.max == 1 &&
           spec.unit.empty();
}

QString choiceMeaning(const model::ParamSpec& spec, const QString& value) {
    const std::string meaning = model::choiceMeaning(spec, value.toStdString());
    return meaning.empty() ? QString() : schemaText(meaning);
}

QString paramTitle(const model::ParamSpec& spec) {
    QString name = QString::fromStdString(spec.name);
    name = name.mid(name.lastIndexOf(QLatin1Char('.')) + 1); // a nested field: "retries.base_ms"
    const QString unitSuffix = QLatin1Char('_') + QString::fromStdString(spec.unit);
    if (!spec.unit.empty() && name.endsWith(unitSuffix)) name.chop(unitSuffix.size());
    static const QStringList acronyms = {QStringLiteral("ttl"), QStringLiteral("rps"),
                                         QStringLiteral("cv")};
    QStringList words = name.split(QLatin1Char('_'), Qt::SkipEmptyParts);
    for (int i = 0; i < words.size(); ++i) {
        if (acronyms.contains(words[i]))
            words[i] = words[i].toUpper();
        else if (i == 0)
            words[i][0] = words[i][0].toUpper();
    }
    // Titles made from file names may still be translated by their text.
    const QByteArray title = words.join(QLatin1Char(' ')).toUtf8();
    return QCoreApplication::translate("sdlab::model", title.constData());
}

namespace {

QString withUnit(const QString& number, const std::string& unit) {
    return unit.empty() ? number : number + QLatin1Char(' ') + QString::fromStdString(unit);
}

/// Every unit the parameter may be in: "calls or s" for a breaker's window.
std::string unitsOf(const model::ParamSpec& spec) {
    std::string units = spec.unit;
    for (const auto& [condition, unit] : spec.unitWhen)
        units += " or " + unit;
    return units;
}

} // namespace

QString describeValue(const model::ParamSpec& spec, const model::Json& value) {
    if (hasUnlimited(spec) && value == -1) return unlimitedText();
    if (value.is_number()) {
        const QString unit = QString::fromStdString(spec.kind == model::ParamKind::Latency ||
                                                            spec.kind == model::ParamKind::Duration
                                                        ? std::string("ms")
                                                        : spec.unit);
        return withUnit(formatJsonNumber(value), unit.toStdString());
    }
    if (value.is_string()) return QString::fromStdString(value.get<std::string>());
    if (value.is_object() && value.contains("dist")) {
        const QString dist = QString::fromStdString(value.value("dist", ""));
        auto ms = [&](const char* key) {
            return formatJsonNumber(value.value(key, model::Json()));
        };
        if (dist == QLatin1String("uniform"))
            return InspectorText::tr("uniform, %1 to %2 ms").arg(ms("min_ms"), ms("max_ms"));
        if (dist == QLatin1String("lognormal"))
            return InspectorText::tr("lognormal, mean %1 ms, cv %2").arg(ms("mean_ms"), ms("cv"));
        return InspectorText::tr("%1, mean %2 ms").arg(dist, ms("mean_ms"));
    }
    return QString::fromStdString(value.dump());
}

QString paramToolTip(const model::ParamSpec& spec) {
    using T = InspectorText;
    QString html = QStringLiteral("<p><b>%1</b> &nbsp;<code>%2</code></p><p>%3</p>")
                       .arg(paramTitle(spec).toHtmlEscaped(),
                            QString::fromStdString(spec.name).toHtmlEscaped(),
                            schemaText(spec.help).toHtmlEscaped());
    QString facts;
    switch (spec.kind) {
    case model::ParamKind::Integer:
    case model::ParamKind::Number:
        facts = T::tr("Range: %1 to %2")
                    .arg(formatNumber(spec.min), withUnit(formatNumber(spec.max), unitsOf(spec)));
        if (spec.kind == model::ParamKind::Integer) facts += T::tr(", whole numbers");
        if (hasUnlimited(spec))
            facts += QLatin1Char('\n') +
                     T::tr("Empty or “%1”: no limit (-1 in the file).").arg(unlimitedText());
        break;
    case model::ParamKind::Choice: {
        // Each choice with what it does: this is rich text, so it is built apart below.
        QStringList choices;
        for (const auto& c : spec.choices) {
            const QString value = QString::fromStdString(c);
            const QString meaning = choiceMeaning(spec, value);
            choices << (meaning.isEmpty()
                            ? QStringLiteral("<b>%1</b>").arg(value.toHtmlEscaped())
                            : QStringLiteral("<b>%1</b>: %2")
                                  .arg(value.toHtmlEscaped(), meaning.toHtmlEscaped()));
        }
        html += QStringLiteral("<p>%1<br>%2</p>")
                    .arg(T::tr("Choices:").toHtmlEscaped(), choices.join(QStringLiteral("<br>")));
        break;
    }
    case model::ParamKind::Duration:
    case model::ParamKind::Latency:
        facts = T::tr("Times from %1 to %2 ms").arg(formatNumber(spec.min), formatNumber(spec.max));
        break;
    case model::ParamKind::Object:
        break;
    case model::ParamKind::Boolean:
        facts = T::tr("On or off");
        break;
    }
    if (!facts.isEmpty())
        facts = facts.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")) +
                QStringLiteral("<br>");
    html +=
        QStringLiteral("<p>%1%2</p>")
            .arg(facts,
                 T::tr("Default: %1").arg(describeValue(spec, spec.defaultValue)).toHtmlEscaped());
    return html;
}

} // namespace sdlab::widgets
