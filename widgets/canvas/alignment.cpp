#include "alignment.h"

#include <algorithm>
#include <vector>

namespace sdlab::widgets {

QHash<QString, QPointF> align(const QHash<QString, QPointF>& topLefts, Alignment how) {
    QHash<QString, QPointF> out;
    if (topLefts.size() < 2) return out;
    qreal minX = 1e18, maxX = -1e18, minY = 1e18, maxY = -1e18;
    for (const QPointF& p : topLefts) {
        minX = std::min(minX, p.x()), maxX = std::max(maxX, p.x());
        minY = std::min(minY, p.y()), maxY = std::max(maxY, p.y());
    }
    std::vector<std::pair<QString, QPointF>> cards(topLefts.keyValueBegin(),
                                                   topLefts.keyValueEnd());
    const bool horizontal = how == Alignment::DistributeHorizontally;
    if (horizontal || how == Alignment::DistributeVertically) {
        std::sort(cards.begin(), cards.end(), [&](const auto& a, const auto& b) {
            return horizontal ? a.second.x() < b.second.x() : a.second.y() < b.second.y();
        });
        const qreal step = ((horizontal ? maxX - minX : maxY - minY)) / qreal(cards.size() - 1);
        for (std::size_t i = 0; i < cards.size(); ++i) {
            QPointF p = cards[i].second;
            (horizontal ? p.rx() : p.ry()) = (horizontal ? minX : minY) + step * qreal(i);
            if (p != cards[i].second) out.insert(cards[i].first, p);
        }
        return out;
    }
    for (const auto& [id, old] : cards) {
        QPointF p = old;
        switch (how) {
        case Alignment::Left:
            p.setX(minX);
            break;
        case Alignment::Right:
            p.setX(maxX);
            break;
        case Alignment::HorizontalCentre:
            p.setX((minX + maxX) / 2);
            break;
        case Alignment::Top:
            p.setY(minY);
            break;
        case Alignment::Bottom:
            p.setY(maxY);
            break;
        case Alignment::VerticalCentre:
            p.setY((minY + maxY) / 2);
            break;
        default:
            break;
        }
        if (p != old) out.insert(id, p);
    }
    return out;
}

} // namespace sdlab::widgets
