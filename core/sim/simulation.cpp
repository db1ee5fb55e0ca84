#include "simulation.h"

namespace sdlab::sim {

StuckError::StuckError(Time at)
    : std::runtime_error("the simulation is stuck at t = " + std::to_string(at) +
                         " s: time does not advance (a loop of work that takes no time, such "
                         "as closed-loop users with zero think time calling components with "
                         "zero service time and latency)") {}

Index Simulation::addComponent(std::unique_ptr<Component> component) {
    components_.push_back(std::move(component));
    return Index(components_.size() - 1);
}

Index Simulation::addLink(Link link) {
    const auto index = Index(links_.size());
    components_[link.from]->addOutLink(index);
    links_.push_back(std::move(link));
    return index;
}

void Simulation::start() {
    for (auto& c : components_)
        c->start(*this);
}

void Simulation::runUntil(Time t) {
    while (!events_.empty() && events_.top().time <= t) {
        const Event ev = events_.pop();
        if (ev.time > now_) {
            now_ = ev.time;
            eventsAtThisInstant_ = 0;
        } else if (++eventsAtThisInstant_ > kMaxEventsAtOneInstant) {
            throw StuckError(now_);
        }
        ++eventsProcessed_;
        Component& target = *components_[ev.target];
        switch (ev.kind()) {
        case EventKind::Arrive:
            arrive(ev.payload);
            break;
        case EventKind::ServiceDone:
            target.onServiceDone(*this, ev.payload);
            break;
        case EventKind::ResponseOk:
        case EventKind::ResponseFailed:
            target.onResponse(*this, ev.payload, ev.kind() == EventKind::ResponseOk);
            break;
        case EventKind::Timer:
            target.onTimer(*this, ev.payload);
            break;
        }
    }
    if (t > now_) now_ = t;
}

Index Simulation::startRequest(Index client, RequestKind kind, std::uint32_t key, Time timeout) {
    const Index r = requests_.acquire();
    Request& req = requests_[r];
    req.id = nextRequestId_++;
    req.created = now_;
    req.deadline = now_ + timeout;
    req.key = key;
    req.kind = kind;
    const Index f = frames_.acquire();
    Frame& root = frames_[f];
    root.request = r;
    root.component = client;
    root.arrived = now_;
    return f;
}

void Simulation::finishRequest(Index rootFrame) {
    requests_.release(frames_[rootFrame].request);
    frames_.release(rootFrame);
}

void Simulation::call(Index f, Index l) {
    const Link& ln = links_[l];
    if (frames_[f].depth >= kMaxHops) {
        schedule(0, EventKind::ResponseFailed, frames_[f].component, f);
        return;
    }
    const Index child = frames_.acquire();
    const Frame& parent = frames_[f];
    Frame& c = frames_[child];
    c.request = parent.request;
    c.component = ln.to;
    c.parent = f;
    c.inLink = l;
    c.depth = std::uint16_t(parent.depth + 1);
    const Time delay = travel(l);
    if (delay <= 0)
        arrive(child);
    else
        events_.push(now_ + delay, EventKind::Arrive, ln.to, child);
}

void Simulation::arrive(Index f) {
    frames_[f].arrived = now_;
    components_[frames_[f].component]->onArrive(*this, f);
}

void Simulation::respond(Index f, bool ok) {
    const Index parent = frames_[f].parent;
    const Index l = frames_[f].inLink;
    frames_.release(f);
    const Index caller = frames_[parent].component;
    const Time delay = travel(l);
    if (delay <= 0)
        components_[caller]->onResponse(*this, parent, ok);
    else
        events_.push(now_ + delay, ok ? EventKind::ResponseOk : EventKind::ResponseFailed, caller,
                     parent);
}

std::size_t Simulation::poolBytes() const {
    return events_.capacity() * sizeof(Event) + requests_.capacity() * sizeof(Request) +
           frames_.capacity() * sizeof(Frame);
}

} // namespace sdlab::sim
