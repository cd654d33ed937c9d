"""FitzHugh-Nagumo (dv/dt = v - v^3/3 - w + I, tau dw/dt = v + a - b w; tau = 12.5, a = 0.7,
b = 0.8): the resting fixed point, its Jacobian, and the input current where it loses stability
(the Hopf current I_H = 0.331281337455, science.md 6.4).
"""
import netdyn

rest = netdyn.fitzhugh_nagumo(current=0.3, hopf=True)
v, w = rest["fixed_point"]
print("I = 0.3: fixed point (%.9f, %.9f), %s" % (v, w, rest["classification"]))
print("Jacobian eigenvalues", rest["jacobian_eigenvalues"])
print("Hopf current I_H = %.12f" % rest["hopf_current"])
beyond = netdyn.fitzhugh_nagumo(current=0.4)
print("I = 0.4: stable %s, eigenvalues %s" % (beyond["stable"], beyond["jacobian_eigenvalues"]))

assert abs(v - -0.993297474550) < 1e-9 and abs(w - -0.366621843187) < 1e-9
assert abs(rest["hopf_current"] - 0.331281337455) < 1e-9
assert rest["stable"] and not beyond["stable"]
